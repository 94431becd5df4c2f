// Browser tests with Debian's Chromium against `node build` on scale-0.01 data: the drill-down path checked against queries/, the as-of selector, every export kind, JavaScript off, print media, screenshots.
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAsOfPhrase, formatInteger, formatPercent, formatVnd } from '../../queries/format/vi-format.ts';
import { rankings } from '../../queries/rankings.ts';
import { targets } from '../../queries/targets.ts';
import { totals } from '../../queries/totals.ts';
import { LEADERSHIP } from '../../queries/viewer.ts';
import { t } from '../src/lib/i18n/translate.ts';
import { pngSize } from '../src/lib/exports/png-export.server.ts';
import { screenshots, startDashboard, type DashboardServer } from './dashboard-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const viewer = LEADERSHIP;
let server: DashboardServer;
let browser: Browser;

const text = async (page: Page, testid: string) => (await page.getByTestId(testid).first().textContent())?.trim();
const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

describe.skipIf(!existsSync(CHROMIUM))('dashboard in Chromium (scale 0.01, node build)', () => {
	beforeAll(async () => {
		server = await startDashboard({ scale: 0.01, dirty: 0.02 });
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
	}, 1_800_000);
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('walks overview → level-1 unit → upper-level union → grassroots union → initiative with the figures of queries/', async () => {
		const page = await server.newPage(browser, { viewport: { width: 1280, height: 900 } });
		await page.goto(`${server.url}/`);
		const nation = await totals(server.db, { viewer });
		expect(await text(page, 'on-portal')).toBe(formatInteger(nation.onPortal));
		expect(await text(page, 'valid')).toBe(formatInteger(nation.valid));
		// Hydrated (the enhancer has run), the server-rendered charts and tables are still there: the hydration data carries
		// placeholders for them, not their HTML a second time (the served page names the chart's title only in the chart).
		await page.waitForFunction(() => document.documentElement.dataset.enhanced === 'true');
		expect(await page.locator('figure#duong-tich-luy .svg-wrap > svg').count()).toBe(1);
		expect(await page.locator('figure#ban-do-63 svg [data-code]').count()).toBeGreaterThan(60);
		expect(await page.locator('figure#ban-do-63 .table-wrap table tbody tr').count()).toBeGreaterThan(60);
		const served = await (await page.request.get(`${server.url}/`)).text();
		const chartHtml = await page.locator('figure#duong-tich-luy .svg-wrap > svg').evaluate((svg) => svg.outerHTML);
		const titleRefs = (html: string) => html.split('c-duong-tich-luy-title').length - 1;
		expect(titleRefs(served)).toBe(titleRefs(chartHtml));
		expect(await page.locator('footer [data-testid="footer-version"]').textContent()).toBe(nation.version);
		await shot(page, 'overview');

		// The top unit of the bar chart drills down (a link inside the server-rendered SVG).
		const top = (await rankings(server.db, { viewer, level: 1, metric: 'valid' })).rows[0]!;
		await page.locator(`figure#don-vi-dan-dau a[href^="/don-vi/${top.code}"]`).first().click();
		await page.waitForURL(`**/don-vi/${top.code}`);
		const level1 = await totals(server.db, { viewer, unit: top.code });
		expect(await text(page, 'unit-name')).toBe(level1.unit.name);
		expect(await text(page, 'on-portal')).toBe(formatInteger(level1.onPortal));
		expect(await text(page, 'national-rank')).toContain(`${top.rank}/`);
		expect(await text(page, 'unit-subtitle')).toBe(`Đơn vị trực thuộc Tổng Liên đoàn · Mã ${top.code} · Báo cáo tổng kết`);
		await shot(page, 'unit-level1');

		const upper = (await targets(server.db, { viewer, unit: top.code })).subUnits.rows.sort((a, b) => b.valid - a.valid)[0]!;
		await page.locator(`#t-don-vi-con a, figure#don-vi-con a[href^="/don-vi/${upper.code}"]`).first().click();
		await page.waitForURL(`**/don-vi/${upper.code}`);
		expect(await text(page, 'on-portal')).toBe(formatInteger((await totals(server.db, { viewer, unit: upper.code })).onPortal));

		const grassroots = (await targets(server.db, { viewer, unit: upper.code })).subUnits.rows.sort((a, b) => b.onPortal - a.onPortal)[0]!;
		await page.locator(`figure#don-vi-con a[href^="/don-vi/${grassroots.code}"]`).first().click();
		await page.waitForURL(`**/don-vi/${grassroots.code}`);
		expect(await text(page, 'on-portal')).toBe(formatInteger(grassroots.onPortal));
		// ranks among every grassroots union (over a thousand even at this scale) read in vi-VN: "12/1.602"
		expect(await text(page, 'national-rank')).toMatch(/: (—|\d{1,3}(\.\d{3})*)\/\d{1,3}(\.\d{3})+$/u);
		const rows = page.locator('[data-testid="initiative-list"] tbody tr');
		expect(await rows.count()).toBe(Math.min(50, grassroots.onPortal));
		await shot(page, 'unit-grassroots');

		// Diacritics-insensitive search: the first title's first word without accents finds it.
		const firstLink = rows.first().locator('a');
		const id = (await firstLink.textContent())!.trim();
		const initiative = await server.db.selectFrom('initiative').select(['title', 'author', 'position', 'is_leader']).where('initiative_id', '=', id).executeTakeFirstOrThrow();
		const word = initiative.title!.split(' ').find((w) => w.length > 3)!;
		const folded = word.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').toLowerCase();
		await page.getByRole('searchbox').fill(folded);
		await page.getByRole('searchbox').press('Enter');
		await page.waitForURL(/q=/u);
		expect(await page.locator(`[data-testid="initiative-list"] a:text-is("${id}")`).count()).toBe(1);
		// the matched word is marked in its original spelling, in every row the search found
		const marks = await page.locator('[data-testid="initiative-list"] mark').allTextContents();
		expect(marks.length).toBeGreaterThanOrEqual(await page.locator('[data-testid="initiative-list"] tbody tr').count());
		for (const mark of marks) expect(mark.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').toLowerCase()).toBe(folded.toLowerCase());
		expect(marks).toContain(word);

		await page.locator(`[data-testid="initiative-list"] a:text-is("${id}")`).click();
		await page.waitForURL(`**/sang-kien/${id}`);
		expect(await text(page, 'initiative-title')).toBe(initiative.title);
		expect(await text(page, 'initiative-author')).toBe(initiative.position ? `${initiative.author} (${initiative.position})` : initiative.author);
		expect(await text(page, 'initiative-leader')).toBe(initiative.is_leader ? 'Có' : 'Không');
		await shot(page, 'initiative');
		await page.close();
	});

	it('answers as of a chosen time everywhere, through the form, the URL and back/forward', async () => {
		const page = await server.newPage(browser);
		await page.goto(`${server.url}/`);
		const latest = await totals(server.db, { viewer });
		// Hydration sets the as-of inputs to the page's values: type after it, as a person would.
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.locator('form.as-of input[name="ngay"]').fill('2022-04-20');
		await page.locator('form.as-of input[name="gio"]').fill('08:00');
		await page.locator('form.as-of button').click();
		await page.waitForURL(/asOf=2022-04-20T08(:|%3A)00/u);
		const then = await totals(server.db, { viewer, asOf: '2022-04-20T08:00' });
		expect(then.onPortal).toBeLessThan(latest.onPortal);
		expect(await text(page, 'on-portal')).toBe(formatInteger(then.onPortal));
		expect(await text(page, 'footer-as-of')).toBe('8 giờ ngày 20/4/2022');
		// Links keep the as-of: the units page answers for the same time.
		await page.locator('nav a', { hasText: 'Đơn vị' }).first().click();
		await page.waitForURL(/\/don-vi\/VN\?asOf=/u);
		expect(await text(page, 'on-portal')).toBe(formatInteger(then.onPortal));
		await page.goBack();
		await page.goBack();
		await page.waitForURL(`${server.url}/`);
		// popstate changes the URL first, then the data arrives
		await expect.poll(() => text(page, 'on-portal')).toBe(formatInteger(latest.onPortal));
		const bad = await page.goto(`${server.url}/?asOf=32/13/2022`);
		expect(bad?.status()).toBe(400);
		expect(await text(page, 'error-message')).toContain('Thời điểm không hợp lệ');
		await page.close();
	});

	it('switches to English and back: texts, <html lang>, links and figures follow the language (en 1,234.5 / vi 1.234,5)', async () => {
		const asOf = '2022-04-20T08:00';
		const page = await server.newPage(browser);
		await page.goto(`${server.url}/?asOf=${asOf}`);
		const then = await totals(server.db, { viewer, asOf });
		const goal = await targets(server.db, { viewer, asOf });
		const lang = () => page.locator('html').getAttribute('lang');
		expect(await lang()).toBe('vi');
		expect(await text(page, 'on-portal')).toBe(formatInteger(then.onPortal, 'vi'));

		await page.locator('a.lang-switch').click();
		await page.waitForURL(/[?&]lang=en/u);
		expect(page.url()).toMatch(/asOf=2022-04-20T08/u);
		await expect.poll(lang).toBe('en');
		await expect.poll(() => page.locator('h1').textContent()).toBe(t('page.overview', 'en'));
		expect(await text(page, 'on-portal')).toBe(formatInteger(then.onPortal, 'en'));
		expect(await text(page, 'benefit')).toBe(formatVnd(then.benefit, 'en'));
		expect(await text(page, 'attainment')).toBe(formatPercent(goal.attainment!, 'en'));
		expect(await text(page, 'footer-as-of')).toBe(formatAsOfPhrase(then.asOf, 'en'));
		expect(formatInteger(then.onPortal, 'en')).not.toBe(formatInteger(then.onPortal, 'vi'));
		// Chart axes and tables are rendered in English too, and links keep the language and the as-of.
		expect(await page.locator('table#t-duong-tich-luy-table thead').textContent()).not.toMatch(/Ngày|Sáng kiến/u);
		expect(await page.locator('a.lang-switch').textContent()).toBe(t('nav.language', 'en'));
		await page.locator('nav a', { hasText: t('nav.units', 'en') }).first().click();
		await page.waitForURL(/\/don-vi\/VN\?/u);
		expect(page.url()).toMatch(/lang=en/u);
		expect(page.url()).toMatch(/asOf=2022-04-20T08/u);
		await expect.poll(() => text(page, 'on-portal')).toBe(formatInteger(then.onPortal, 'en'));
		// A full load of the English URL (no client navigation) answers in English from the server.
		const response = await server.fetch(`${server.url}/don-vi/VN?asOf=${asOf}&lang=en`);
		const html = await response.text();
		expect(html).toMatch(/<html lang="en"/u);
		expect(html).toContain(formatInteger(then.onPortal, 'en'));
		await shot(page, 'unit-nation-english');

		await page.locator('a.lang-switch').click();
		await page.waitForURL((url) => !url.searchParams.has('lang'));
		await expect.poll(lang).toBe('vi');
		await expect.poll(() => text(page, 'on-portal')).toBe(formatInteger(then.onPortal, 'vi'));
		expect(await text(page, 'footer-as-of')).toBe('8 giờ ngày 20/4/2022');
		await page.close();
	});

	it('downloads CSV (BOM, neutralised formulas), XLSX (read back), PNG (decodes) and SVG with the footer', async () => {
		const context = await server.newContext(browser, { acceptDownloads: true });
		const page = await context.newPage();
		await page.goto(`${server.url}/?asOf=2022-05-31T23:59`);
		const download = async (selector: string) => {
			const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
			return { name: file.suggestedFilename(), bytes: await server.fetch(`${server.url}${new URL(file.url()).pathname}${new URL(file.url()).search}`).then(async (r) => Buffer.from(await r.arrayBuffer())) };
		};
		const csv = await download('figure#don-vi-dan-dau a[data-export="csv"]');
		expect(csv.name).toMatch(/\.csv$/u);
		expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const csvText = csv.bytes.toString('utf8');
		expect(csvText).toContain('Tính đến,ngày 31/5/2022');
		const expectedTop = (await rankings(server.db, { viewer, level: 1, metric: 'valid', asOf: '2022-05-31T23:59' })).rows[0]!;
		expect(csvText).toContain(`${expectedTop.code},${expectedTop.name},${expectedTop.valid}`);

		const xlsx = await download('figure#don-vi-dan-dau a[data-export="xlsx"]');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.getRow(2).getCell(1).value).toBe(expectedTop.code);
		expect(sheet.getRow(2).getCell(3).value).toBe(expectedTop.valid);
		expect(sheet.views[0]?.state).toBe('frozen');

		const png = await download('figure#duong-tich-luy a[data-export="png"]');
		expect(pngSize(png.bytes)?.width).toBeGreaterThan(600);
		const decoded = await page.evaluate(async (b64) => {
			const image = new Image();
			image.src = `data:image/png;base64,${b64}`;
			await image.decode();
			return image.naturalWidth;
		}, png.bytes.toString('base64'));
		expect(decoded).toBeGreaterThan(600);
		writeFileSync(join(screenshots, 'export-curve.png'), png.bytes);

		const svg = await download('figure#ban-do-63 a[data-export="svg"]');
		expect(svg.bytes.toString('utf8')).toMatch(/^<\?xml/u);
		expect(svg.bytes.toString('utf8')).toContain('Phiên bản kho dữ liệu');

		// Formula-like cells (a negative benefit "-…" quarantined) are neutralised in the rejected-rows CSV.
		const quarantined = await server.db.selectFrom('quarantine').select(['level1_code', 'raw_value']).where('raw_value', 'like', '-%').where('level1_code', 'is not', null).executeTakeFirst();
		if (quarantined) {
			const response = await server.fetch(`${server.url}/xuat/dong-bi-loai/csv?unit=${quarantined.level1_code}`);
			const body = await response.text();
			expect(body).toContain(`'${quarantined.raw_value}`);
			expect(body).not.toMatch(/(^|,)-\d/mu);
		}
		await context.close();
	});

	it('draws the default leaderboard (every level-1 unit) as linked bars, and names each figure once in its table', async () => {
		const page = await server.newPage(browser, { viewport: { width: 1280, height: 900 } });
		const ranked = (await rankings(server.db, { viewer, level: 1 })).rows.filter((row) => row.value !== null);
		expect(ranked.length).toBeGreaterThan(70);
		await page.goto(`${server.url}/xep-hang`);
		expect(await page.locator('figure#xep-hang h2').first().textContent()).toContain('Xếp hạng đơn vị trực thuộc Tổng Liên đoàn theo sáng kiến hợp lệ');
		const bars = page.locator('figure#xep-hang svg a > rect[data-code]');
		expect(await bars.count()).toBe(ranked.length);
		expect(await bars.first().getAttribute('data-code')).toBe(ranked[0]!.code);
		const headers = async () => (await page.locator('figure#xep-hang table thead th').allTextContents()).map((h) => h.trim());
		expect(await headers()).toEqual(['Hạng', 'Mã', 'Tên đơn vị', 'Sáng kiến hợp lệ', 'Chỉ tiêu giao']);
		// ranked by another metric, the valid count stays beside it
		await page.goto(`${server.url}/xep-hang?metric=attainment`);
		expect(await headers()).toEqual(['Hạng', 'Mã', 'Tên đơn vị', 'Tỷ lệ hoàn thành chỉ tiêu', 'Sáng kiến hợp lệ', 'Chỉ tiêu giao']);
		await shot(page, 'rankings-level-1');
	});

	it('press room: each card names its source once after its label, and every quote starts as a sentence', async () => {
		const page = await server.newPage(browser, { viewport: { width: 1280, height: 900 } });
		await page.goto(`${server.url}/bao-chi`);
		const quotes = (await page.getByTestId('press-quote').allTextContents()).map((q) => q.trim());
		const sources = await page.locator('dt:text-is("Nguồn") + dd').allTextContents();
		expect(sources.length).toBeGreaterThanOrEqual(7);
		for (const source of sources) expect(source.trim()).toBe('dữ liệu xuất từ Cổng "1 triệu sáng kiến" của Tổng Liên đoàn Lao động Việt Nam');
		const attainment = quotes.find((q) => q.includes('chỉ tiêu tính đến'));
		expect(attainment).toMatch(/^Toàn quốc đạt \d/u);
		const citation = await page.locator('textarea#cite-attainment').inputValue();
		expect(citation).toMatch(/^Toàn quốc đạt .*\. Nguồn: dữ liệu xuất từ Cổng .*; phiên bản dữ liệu v\d+/u);
	});

	it('data health speaks the reader\'s words: scopes by name, runs by outcome, times in vi-VN', async () => {
		const page = await server.newPage(browser, { viewport: { width: 1280, height: 900 } });
		await page.goto(`${server.url}/chat-luong`);
		const scopes = await page.locator('table:has(caption) tbody tr td:nth-child(2)').allTextContents();
		expect(scopes).toContain('Toàn quốc');
		expect(scopes).toContain('Cây đơn vị');
		expect(scopes.join(' ')).not.toMatch(/toan-quoc|don-vi/u);
		expect(await page.locator('.card .sub').first().textContent()).toMatch(/^Công bố lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/u);
		const runs = page.locator('figure#lan-cap-nhat table tbody tr');
		expect(await runs.count()).toBeGreaterThan(0);
		const outcomes = await page.locator('figure#lan-cap-nhat table tbody tr td:nth-child(4)').allTextContents();
		expect(outcomes.map((o) => o.trim())).toContain('Đã công bố');
		expect(outcomes.join(' ')).not.toMatch(/published|nothing_new|failed/u);
	});

	it('shows the chart, its table and the figures with JavaScript disabled', async () => {
		const context = await server.newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		const nation = await totals(server.db, { viewer });
		await page.goto(`${server.url}/`);
		expect(await text(page, 'on-portal')).toBe(formatInteger(nation.onPortal));
		expect(await page.locator('figure#duong-tich-luy svg title').count()).toBeGreaterThan(0);
		expect(await page.locator('table#t-duong-tich-luy-table tbody tr').count()).toBeGreaterThan(10);
		// The as-of form works without JavaScript (GET, folded into ?asOf=).
		await page.goto(`${server.url}/xep-hang?ngay=2022-04-20&gio=08:00`);
		expect(page.url()).toContain('asOf=2022-04-20T08');
		await shot(page, 'rankings-no-js');
		await context.close();
	});

	it('prints the closing review on A4 without navigation (print media snapshot)', async () => {
		const page = await server.newPage(browser, { viewport: { width: 900, height: 1200 } });
		await page.goto(`${server.url}/tong-ket`);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('header.site-header').evaluate((e) => getComputedStyle(e).display)).toBe('none');
		expect(await page.getByTestId('review-narrative').textContent()).toContain('sáng kiến hợp lệ');
		await shot(page, 'closing-review-print');
		const pdf = await page.pdf({ format: 'A4' });
		writeFileSync(join(screenshots, 'closing-review.pdf'), pdf);
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
		await page.emulateMedia({ media: 'screen' });
		for (const [path, name] of [['/vung-cum', 'regions'], ['/bao-chi', 'press'], ['/chat-luong', 'data-health']] as const) {
			await page.goto(`${server.url}${path}`);
			await shot(page, name);
		}
		const phone = await server.newPage(browser, { viewport: { width: 390, height: 844 } });
		await phone.goto(`${server.url}/`);
		await shot(phone, 'overview-phone');
		await phone.close();
		await page.close();
	});
});
