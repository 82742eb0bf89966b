// Opens the chat page in headless Chromium and checks both directions against redis-cli:
// a message PUBLISHed with redis-cli shows on the page; one sent from the page reaches a
// redis-cli SUBSCRIBE. Usage: node chat-page.mjs <http-port> <resp-port> <screenshot.png>
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';

const [httpPort, respPort, screenshot] = process.argv.slice(2);
const room = 'lobby';
const fail = msg => { console.error(msg); process.exit(1); };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
let subscriber;
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${httpPort}/`);
  await page.waitForSelector(`body[data-joined="${room}"]`, { timeout: 10000 });

  // redis-cli PUBLISH -> page
  const receivers = execFileSync('redis-cli', ['-p', respPort, 'PUBLISH', room, 'hello from redis-cli']).toString().trim();
  if (receivers !== '1') fail(`PUBLISH reached ${receivers} receivers, expected the page's 1`);
  await page.locator('.msg.live', { hasText: 'hello from redis-cli' }).waitFor({ timeout: 10000 });

  // page -> redis-cli SUBSCRIBE
  subscriber = spawn('redis-cli', ['-p', respPort, 'SUBSCRIBE', room]);
  let seen = '';
  const subscribed = new Promise(resolve => subscriber.stdout.on('data', d => { seen += d; if (seen.includes('subscribe')) resolve(); }));
  await subscribed;
  const received = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-cli never received the page\'s message; it saw: ' + seen)), 10000);
    subscriber.stdout.on('data', () => { if (seen.includes('hello from the browser')) { clearTimeout(timer); resolve(); } });
  });
  await page.fill('#text', 'hello from the browser');
  await page.click('#send');
  await received;
  await page.locator('.msg.live', { hasText: 'hello from the browser' }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log('ok');
} catch (e) {
  fail(String(e && e.stack || e));
} finally {
  if (subscriber) subscriber.kill();
  await browser.close();
}
