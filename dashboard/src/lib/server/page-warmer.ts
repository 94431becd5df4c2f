// Warms the page cache when a new version is published: the overview, the nation's page and every level-1 unit's page, rendered for the leadership in the background, so the first leader to open them after a publish does not wait for their queries.
import { overviewData } from './overview-data.ts';
import { warmPage } from './page-data.ts';
import { unitPageData } from './unit-page-data.ts';
import { publishedWarehouse } from './warehouse.ts';
import { NoPublishedVersionError } from '../../../../warehouse/versions/published-warehouse.ts';

/** How often the warmer looks for a newly published version. */
const CHECK_MS = 10_000;

export interface WarmReport {
	version: string;
	/** Pages rendered now (pages already cached are not counted). */
	pages: number;
	seconds: number;
	/** Stopped early because a newer version was published meanwhile. */
	superseded: boolean;
}

let warmedVersion: string | undefined;
let warming: Promise<WarmReport | undefined> | undefined;

/** The pages warmed, in order: the overview, the nation, then the level-1 units by code. */
export function pagesToWarm(level1Codes: readonly string[]): string[] {
	return ['/', '/don-vi/VN', ...level1Codes.map((code) => `/don-vi/${code}`)];
}

const noList = () => ({ q: '', sort: 'moi-nhat' as const, page: 1 });

/** Warms the current published version once (undefined when it already was, or none is published). */
export function warmPublishedVersion(): Promise<WarmReport | undefined> {
	warming ??= warmOnce().finally(() => (warming = undefined));
	return warming;
}

async function warmOnce(): Promise<WarmReport | undefined> {
	const warehouse = publishedWarehouse();
	try {
		return await warehouse.use(async ({ db, version }) => {
			if (version === warmedVersion) return undefined;
			const started = performance.now();
			const level1 = await db.selectFrom('unit').select('unit_code').where('level', '=', 1).orderBy('unit_code').execute();
			let pages = 0;
			let superseded = false;
			for (const url of pagesToWarm(level1.map((u) => u.unit_code))) {
				if (warehouse.version !== version) {
					superseded = true;
					break;
				}
				const data = url === '/' ? overviewData : (context: Parameters<typeof overviewData>[0]) => unitPageData(context, url.slice('/don-vi/'.length), noList);
				if (await warmPage(db, version, url, data)) pages++;
			}
			if (!superseded) warmedVersion = version;
			return { version, pages, seconds: Number(((performance.now() - started) / 1000).toFixed(1)), superseded };
		});
	} catch (e) {
		if (e instanceof NoPublishedVersionError) return undefined;
		throw e;
	}
}

/**
 * Starts warming in the background (the server's init hook): now and whenever CURRENT names a new version. Off with
 * SANG_KIEN_PAGE_CACHE=0 (no page cache) or SANG_KIEN_WARM_PAGES=0. Logs one line per warmed version (no personal data).
 */
export function startPageWarmer(): void {
	if (process.env.SANG_KIEN_PAGE_CACHE === '0' || process.env.SANG_KIEN_WARM_PAGES === '0') return;
	const tick = () => {
		warmPublishedVersion()
			.then((report) => {
				if (report) console.log(`page cache: warmed ${report.pages} pages of ${report.version} in ${report.seconds} s${report.superseded ? ' (stopped: a newer version was published)' : ''}`);
			})
			.catch((e: unknown) => console.error(`page cache: warming failed: ${String((e as Error).message ?? e).split('\n')[0]}`));
	};
	setTimeout(tick, 0).unref();
	setInterval(tick, CHECK_MS).unref();
}
