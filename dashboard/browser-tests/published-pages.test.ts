// The published figures of ../shared/domain.md are findable on the dashboard's pages at their as-of times, served by `node build` from the scale-1 warehouse the pipeline loaded from the simulated portal.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCalibrationWarehouse } from '../../queries/calibration-warehouse.ts';
import { AuditLog } from '../src/lib/server/auth/audit-log.ts';
import { UserStore } from '../src/lib/server/auth/user-store.ts';
import { createAccount } from '../src/lib/server/auth/user-admin.ts';
import { buildApp, loginCookie, startServer, TEST_PASSWORD } from './dashboard-server.ts';

let server: { url: string; child: ChildProcess };
let cookie: string;
let authDir: string;
const previousAuthDir = process.env.SANG_KIEN_AUTH_DIR;

/** The page's HTML as text with tags removed and whitespace collapsed (what a reader sees). */
async function pageText(path: string): Promise<string> {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie, accept: 'text/html' } });
	expect(response.status, path).toBe(200);
	const html = await response.text();
	return html
		.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gu, ' ')
		.replace(/<[^>]+>/gu, ' ')
		.replace(/&nbsp;|\s+/gu, ' ');
}

describe('published figures on the pages (scale 1, node build)', () => {
	beforeAll(async () => {
		const warehouse = ensureCalibrationWarehouse();
		await buildApp();
		// A private auth directory: the cached warehouse's neighbourhood is shared by other test files.
		authDir = mkdtempSync(join(tmpdir(), 'sk-published-pages-'));
		process.env.SANG_KIEN_AUTH_DIR = authDir;
		const created = await createAccount({ users: new UserStore(authDir), audit: new AuditLog(authDir), actor: 'test' }, { username: 'lanh-dao', role: 'leadership', password: TEST_PASSWORD });
		if (!created.ok) throw new Error(created.error);
		server = await startServer(warehouse);
		cookie = await loginCookie(server.url, 'lanh-dao');
	}, 4 * 3_600_000);
	afterAll(() => {
		server?.child.kill();
		if (previousAuthDir === undefined) delete process.env.SANG_KIEN_AUTH_DIR;
		else process.env.SANG_KIEN_AUTH_DIR = previousAuthDir;
		if (authDir) rmSync(authDir, { recursive: true, force: true });
	});

	it('26/03/2022 and ~10/04/2022: the leaderboards of the press (Thanh Hóa 11.666 … Hậu Giang 1.759; Hà Nam 3.757)', async () => {
		const march = await pageText('/xep-hang?metric=onPortal&asOf=2022-03-26T23:59');
		for (const figure of ['11.666', '8.881', '5.072', '4.554', '3.583', '2.235', '2.153', '1.759']) expect(march).toContain(figure);
		expect(await pageText('/xep-hang?metric=onPortal&asOf=2022-04-10T06:00')).toContain('3.757');
	});

	it('20/04/2022 08:00: 163.532 on the overview and as a press card with its as-of phrase', async () => {
		expect(await pageText('/?asOf=2022-04-20T08:00')).toContain('163.532');
		expect(await pageText('/bao-chi?asOf=2022-04-20T08:00')).toContain('163.532 sáng kiến (toàn quốc) tính đến 8 giờ ngày 20/4/2022');
	});

	it('31/05/2022: Thanh Hóa 170.263; the 1.000.000th initiative at 15:34 03/10/2022 on the overview', async () => {
		expect(await pageText('/don-vi/T38?asOf=2022-05-31T23:59')).toContain('170.263');
		expect(await pageText('/')).toContain('15:34 03/10/2022');
	});

	it('31/08/2023: Bà Rịa–Vũng Tàu 15.040 valid, 108,9 %, 8 of 14 upper-level unions, 4,98 tỷ; Thanh Hóa 600.175 from 3.655 grassroots unions', async () => {
		const brvt = await pageText('/don-vi/T77?asOf=2023-08-31T23:59');
		for (const figure of ['15.040', '108,9', '8/14']) expect(brvt).toContain(figure);
		expect(await pageText('/tong-ket/T77?asOf=2023-08-31T23:59')).toContain('4,98 tỷ');
		const thanhHoa = await pageText('/don-vi/T38?asOf=2023-08-31T23:59');
		for (const figure of ['600.175', '3.655']) expect(thanhHoa).toContain(figure);
	});

	it('08/10/2023: more than 2 million initiatives and more than 33.000 tỷ đồng of benefit in the summary sentence of the overview', async () => {
		const text = await pageText('/?asOf=2023-10-08T08:00');
		const number = (pattern: RegExp) => Number(pattern.exec(text)?.[1]?.replaceAll('.', '').replace(',', '.') ?? Number.NaN);
		expect(number(/toàn quốc có ([\d.]+) sáng kiến trên hệ thống/u)).toBeGreaterThan(2_000_000);
		expect(number(/làm lợi ([\d.,]+) tỷ đồng/u)).toBeGreaterThan(33_000);
	});
});
