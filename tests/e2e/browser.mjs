#!/usr/bin/env node
// Browser test: drives Debian's Chromium through playwright-core against a
// running Alliance server and walks one scenario as a person would:
//
//   home -> "Sign in" -> sign in as the demo convenor -> her name in the
//   header -> alliance -> platform -> "Edit the platform" -> change Place ->
//   "Save changes" -> the new place on the platform page -> "See the audit
//   trail" -> the newest entry is hers, on the platform's place, old -> new ->
//   "Your account" -> "Sign out" -> "Sign in" in the header again -> the edit
//   page now sends you to the sign-in page.
//
// Also checks keyboard access on the sign-in page (the skip link comes first
// and shows where the focus is), and fails on any console error, uncaught
// page error, or failed request to the site. Screenshots of the platform
// page after the edit and of the audit page go to a temporary directory,
// whose path is printed.
//
//   node tests/e2e/browser.mjs http://127.0.0.1:PORT
//
// Exits 0 when every step passed, 1 with a message naming the step that
// failed otherwise, 2 on bad usage. Never downloads a browser: it runs
// /usr/bin/chromium (or $CHROMIUM), which `tools/install-deps test` installs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CONVENOR_EMAIL = 'grace.adongo@example.gov.gh';
const CONVENOR_NAME = 'Grace Adongo';
const DEMO_PASSWORD = 'alliance-demo';
const ALLIANCE = 'Ghana WASH Learning Alliance';
const PLATFORM = 'Upper East Regional WASH Platform';
const NEW_PLACE = 'Bolgatanga, Upper East — browser test';
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT = 15000;

const baseArg = process.argv[2];
if (!baseArg || !/^https?:\/\//.test(baseArg)) {
  console.error('usage: node tests/e2e/browser.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const base = new URL(baseArg);
const origin = base.origin;
const url = (p) => new URL(p, base).href;

class Failure extends Error {}
function check(cond, message) {
  if (!cond) throw new Failure(message);
}

let step = '(starting)';
function begin(name) {
  step = name;
  console.log('step: ' + name);
}

async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (e) {
    throw new Failure('cannot load playwright-core (' + e.message + '): run tools/install-deps test');
  }
}

// Problems seen by the page listeners; reported with the step they came in.
const problems = [];
const notes = new Set();

// Browsers ask for /favicon.ico on their own, though no page links to one.
// The site has none, so that request and the console error it brings are
// noted, not failed; any other 4xx/5xx or console error fails.
const isFavicon = (u) => {
  try { return u.startsWith(origin) && new URL(u).pathname === '/favicon.ico'; } catch { return false; }
};

function watch(page) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      if (loc && isFavicon(loc.url)) {
        notes.add(`note: ${msg.text()} for /favicon.ico, which the browser asked for on its own`);
        return;
      }
      problems.push(`console error during "${step}": ${msg.text()}` +
        (loc && loc.url ? ` (${loc.url})` : ''));
    }
  });
  page.on('pageerror', (err) => {
    problems.push(`uncaught page error during "${step}": ${err.message}`);
  });
  page.on('requestfailed', (req) => {
    if (req.url().startsWith(origin)) {
      const why = req.failure() ? req.failure().errorText : 'unknown';
      problems.push(`request failed during "${step}": ${req.method()} ${req.url()}: ${why}`);
    }
  });
  page.on('response', (resp) => {
    if (isFavicon(resp.url()) && resp.request().resourceType() !== 'document') {
      if (resp.status() >= 400) notes.add(`note: the browser's own request for /favicon.ico answered ${resp.status()}`);
      return;
    }
    if (resp.url().startsWith(origin) && resp.status() >= 400) {
      problems.push(`HTTP ${resp.status()} during "${step}": ${resp.request().method()} ${resp.url()}`);
    }
  });
}

function noProblems() {
  check(problems.length === 0, problems.join('\n'));
}

// The header's main navigation.
const nav = (page) => page.locator('header').getByRole('navigation', { name: 'Main' });

async function headerLinks(page) {
  return (await nav(page).getByRole('link').allInnerTexts()).map((s) => s.trim());
}

async function expectPath(page, pathname, what) {
  const got = new URL(page.url());
  check(got.origin === origin && got.pathname === pathname,
    `${what}: expected to be on ${pathname}, but the browser is on ${page.url()}`);
}

async function h1(page) {
  const heads = await page.getByRole('heading', { level: 1 }).allInnerTexts();
  check(heads.length === 1, `expected one h1 on ${page.url()}, found ${heads.length}: ${JSON.stringify(heads)}`);
  return heads[0].trim();
}

// The value of a row in the page's summary list (<dt>label</dt><dd>value</dd>).
async function summaryValue(page, label) {
  const rows = page.locator('dl .summary__row, dl > div').filter({
    has: page.locator('dt', { hasText: new RegExp('^\\s*' + label + '\\s*$') }),
  });
  const n = await rows.count();
  check(n === 1, `expected one "${label}" row in the summary on ${page.url()}, found ${n}`);
  return (await rows.first().locator('dd').innerText()).trim();
}

// Clicks a link or button and waits for the navigation it starts.
async function follow(page, locator, what) {
  const n = await locator.count();
  check(n >= 1, `no ${what} on ${page.url()}`);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.first().click()]);
}

// Keyboard access on the sign-in page: the skip link is the first stop and
// shows it has the focus; following it moves on to the form.
async function checkKeyboard(page) {
  begin('keyboard: Tab from the start of the sign-in page');
  await page.goto(url('/sign-in'), { waitUntil: 'load' });
  // Styles of the skip link before it has the focus, to compare.
  const before = await page.evaluate(() => {
    const a = document.querySelector('a[href="#main"]');
    if (!a) return null;
    const s = getComputedStyle(a);
    return { background: s.backgroundColor, width: a.getBoundingClientRect().width };
  });
  check(before, 'the sign-in page has no link to #main (skip link)');
  await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.innerText || el.value || '').trim(),
      href: el.getAttribute('href'),
      outlineStyle: s.outlineStyle,
      outlineWidth: parseFloat(s.outlineWidth) || 0,
      outlineColor: s.outlineColor,
      boxShadow: s.boxShadow,
      background: s.backgroundColor,
      width: r.width,
      height: r.height,
    };
  });
  check(focus, 'Tab from the start of the sign-in page focused nothing');
  check(focus.text === 'Skip to main content',
    `the first Tab stop is <${focus.tag}> "${focus.text}" (href ${focus.href}), not the "Skip to main content" link`);
  check(focus.width > 1 && focus.height > 1,
    `the focused skip link is still hidden (${focus.width}x${focus.height} px)`);
  const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  const hasOutline = focus.outlineStyle !== 'none' && focus.outlineWidth > 0;
  const hasShadow = focus.boxShadow && focus.boxShadow !== 'none';
  check(hasOutline || hasShadow,
    `the focused skip link has no focus indicator: outline-style ${focus.outlineStyle}, box-shadow ${focus.boxShadow}`);
  // A transparent outline only shows in forced-colours mode; then something
  // else must show the focus in ordinary colours.
  const visibleOutline = hasOutline && !transparent(focus.outlineColor);
  const newBackground = focus.background !== before.background && !transparent(focus.background);
  check(visibleOutline || hasShadow || newBackground,
    `the focused skip link shows no visible focus: outline ${focus.outlineStyle} ${focus.outlineColor}, ` +
    `box-shadow ${focus.boxShadow}, background ${focus.background}`);
  console.log(`  first Tab stop: "${focus.text}"; focus shown by outline ${focus.outlineStyle} ` +
    `${focus.outlineWidth}px ${focus.outlineColor}, box-shadow ${focus.boxShadow}, background ${focus.background}`);

  begin('keyboard: follow the skip link, then Tab into the form');
  await page.keyboard.press('Enter');
  // Following a fragment link is asynchronous in newer Chromium (156 moved
  // it off the key event): wait for the location to change before checking.
  await page.waitForFunction(() => location.hash === '#main', null, { timeout: 5000 }).catch(() => {});
  const at = await page.evaluate(() => location.href);
  check(new URL(at).hash === '#main', `Enter on the skip link went to ${at}, not #main`);
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => {
    const el = document.activeElement;
    const label = el && el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
    return el ? { tag: el.tagName.toLowerCase(), label: label ? label.innerText.trim() : '',
      inMain: !!el.closest('main') } : null;
  });
  check(next && next.inMain && next.label === 'Email address',
    `after the skip link, Tab went to ${JSON.stringify(next)}, not the "Email address" field in <main>`);
  noProblems();
}

async function scenario(page, shots) {
  begin('open the home page');
  await page.goto(url('/'), { waitUntil: 'load' });
  check((await headerLinks(page)).includes('Sign in'),
    `the header of the home page has no "Sign in" link: ${JSON.stringify(await headerLinks(page))}`);
  noProblems();

  begin('follow "Sign in" in the header');
  await follow(page, nav(page).getByRole('link', { name: 'Sign in', exact: true }), '"Sign in" link in the header');
  await expectPath(page, '/sign-in', 'after "Sign in"');
  check(await h1(page) === 'Sign in', `the sign-in page's heading is "${await h1(page)}"`);
  noProblems();

  begin(`sign in as ${CONVENOR_EMAIL}`);
  await page.getByLabel('Email address', { exact: true }).fill(CONVENOR_EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await follow(page, page.locator('main').getByRole('button', { name: 'Sign in', exact: true }), '"Sign in" button');
  check(new URL(page.url()).pathname !== '/sign-in',
    `signing in did not leave the sign-in page (${page.url()}): ` +
    (await page.locator('main').innerText()).slice(0, 300));
  const links = await headerLinks(page);
  check(links.includes(CONVENOR_NAME), `after signing in the header shows ${JSON.stringify(links)}, not "${CONVENOR_NAME}"`);
  check(!links.includes('Sign in'), `after signing in the header still shows "Sign in": ${JSON.stringify(links)}`);
  noProblems();

  begin(`go to the ${ALLIANCE}`);
  if (new URL(page.url()).pathname !== '/') await page.goto(url('/'), { waitUntil: 'load' });
  await follow(page, page.locator('main').getByRole('link', { name: ALLIANCE, exact: true }), `"${ALLIANCE}" link`);
  check(await h1(page) === ALLIANCE, `the alliance page's heading is "${await h1(page)}"`);
  noProblems();

  begin(`go to the ${PLATFORM} page`);
  await follow(page, page.locator('main').getByRole('link', { name: PLATFORM, exact: true }), `"${PLATFORM}" link`);
  check(await h1(page) === PLATFORM, `the platform page's heading is "${await h1(page)}"`);
  const platformPath = new URL(page.url()).pathname;
  check(/^\/platforms\/[^/]+$/.test(platformPath), `the platform page is at ${platformPath}`);
  const shownPlace = await summaryValue(page, 'Place');
  noProblems();

  begin('click "Edit the platform"');
  await follow(page, page.getByRole('link', { name: 'Edit the platform', exact: true }), '"Edit the platform" link');
  await expectPath(page, platformPath + '/edit', 'after "Edit the platform"');
  const editUrl = page.url();
  const placeField = page.getByLabel('Place', { exact: true });
  check(await placeField.count() === 1, `the edit page has no single field labelled "Place"`);
  const oldPlace = await placeField.inputValue();
  check(oldPlace === shownPlace, `the edit form's Place is "${oldPlace}" but the platform page showed "${shownPlace}"`);
  check(oldPlace !== NEW_PLACE, `the place is already "${NEW_PLACE}": the data is not fresh`);
  noProblems();

  begin(`change Place from "${oldPlace}" to "${NEW_PLACE}" and save`);
  await placeField.fill(NEW_PLACE);
  await follow(page, page.locator('main').getByRole('button', { name: 'Save changes', exact: true }), '"Save changes" button');
  await expectPath(page, platformPath, 'after "Save changes"');
  check(await h1(page) === PLATFORM, `after saving, the heading is "${await h1(page)}"`);
  const newShown = await summaryValue(page, 'Place');
  check(newShown === NEW_PLACE, `after saving, the platform page shows Place "${newShown}", not "${NEW_PLACE}"`);
  const platformShot = path.join(shots, 'platform-after-edit.png');
  await page.screenshot({ path: platformShot, fullPage: true });
  console.log('  screenshot: ' + platformShot);
  noProblems();

  begin('click "See the audit trail"');
  await follow(page, page.getByRole('link', { name: 'See the audit trail', exact: true }), '"See the audit trail" link');
  await expectPath(page, platformPath + '/audit', 'after "See the audit trail"');
  const rows = page.locator('main table tbody tr');
  check(await rows.count() >= 1, 'the audit trail has no entries');
  const cells = (await rows.first().locator('td').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  const heads = (await page.locator('main table thead th').allInnerTexts()).map((s) => s.trim());
  const col = (name) => {
    const i = heads.indexOf(name);
    check(i >= 0, `the audit table has no "${name}" column: ${JSON.stringify(heads)}`);
    return cells[i] || '';
  };
  const entry = JSON.stringify(cells);
  check(col('Who') === CONVENOR_NAME, `the newest audit entry is by "${col('Who')}", not ${CONVENOR_NAME}: ${entry}`);
  check(/\bplatform\b/i.test(col('What')) && col('What').includes(PLATFORM),
    `the newest audit entry is not about the platform "${PLATFORM}": ${entry}`);
  const changes = (await rows.first().locator('td').nth(heads.indexOf('Changes')).locator('li').allInnerTexts())
    .map((s) => s.replace(/\s+/g, ' ').trim());
  const placeChange = changes.find((s) => /^place\s*:/.test(s));
  check(placeChange, `the newest audit entry does not list the field "place": ${JSON.stringify(changes)}`);
  check(placeChange === `place: ${oldPlace} → ${NEW_PLACE}`,
    `the newest audit entry shows "${placeChange}", not "place: ${oldPlace} → ${NEW_PLACE}"`);
  check(changes.length === 1,
    `the newest audit entry lists fields that the edit did not change: ${JSON.stringify(changes)}`);
  const auditShot = path.join(shots, 'audit.png');
  await page.screenshot({ path: auditShot, fullPage: true });
  console.log('  newest audit entry: ' + entry);
  console.log('  screenshot: ' + auditShot);
  noProblems();

  begin(`open "Your account" (the header link "${CONVENOR_NAME}") and sign out`);
  await follow(page, nav(page).getByRole('link', { name: CONVENOR_NAME, exact: true }), `"${CONVENOR_NAME}" link in the header`);
  check(await h1(page) === 'Your account', `the account page's heading is "${await h1(page)}"`);
  await follow(page, page.locator('main').getByRole('button', { name: 'Sign out', exact: true }), '"Sign out" button');
  const after = await headerLinks(page);
  check(after.includes('Sign in'), `after signing out the header shows ${JSON.stringify(after)}, without "Sign in"`);
  check(!after.includes(CONVENOR_NAME), `after signing out the header still shows "${CONVENOR_NAME}"`);
  noProblems();

  begin('open the platform edit page signed out');
  await page.goto(editUrl, { waitUntil: 'load' });
  const landed = new URL(page.url());
  check(landed.pathname === '/sign-in',
    `signed out, ${editUrl} ended on ${page.url()}, not the sign-in page`);
  check(landed.searchParams.get('next') === platformPath + '/edit',
    `the sign-in page does not send you back to the edit page afterwards (next=${landed.searchParams.get('next')})`);
  check(await h1(page) === 'Sign in', `signed out, the edit page shows "${await h1(page)}"`);
  noProblems();
}

async function main() {
  const started = Date.now();
  check(fs.existsSync(EXECUTABLE), `${EXECUTABLE} is missing: run tools/install-deps test`);
  const { chromium } = await loadPlaywright();
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-browser-'));
  console.log('screenshots go to ' + shots);
  begin('launch Chromium');
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60000,
  });
  try {
    console.log('  ' + EXECUTABLE + ' ' + browser.version());
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.setDefaultNavigationTimeout(STEP_TIMEOUT);
    watch(page);
    await checkKeyboard(page);
    await scenario(page, shots);
    await context.close();
  } finally {
    await browser.close();
  }
  for (const n of notes) console.log(n);
  console.log(`browser test passed in ${((Date.now() - started) / 1000).toFixed(1)}s; screenshots in ${shots}`);
}

main().catch((e) => {
  const what = e instanceof Failure ? e.message : (e && e.stack) || String(e);
  console.error(`FAILED at step "${step}":\n${what}`);
  if (problems.length && !(e instanceof Failure && what.includes(problems[0]))) {
    console.error('also seen:\n' + problems.join('\n'));
  }
  process.exit(1);
});
