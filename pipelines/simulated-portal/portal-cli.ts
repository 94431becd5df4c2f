// `npm run portal`: serves a directory of exports over HTTP on loopback like the programme's portal, until interrupted.
import { fixedClock, replayClock, type PortalClock } from './portal-clock.ts';
import { parsePortalArgs, PORTAL_USAGE, type PortalArgs } from './portal-args.ts';
import { seededRandom } from './portal-faults.ts';
import { startPortalServer } from './portal-server.ts';

function clockOf(args: PortalArgs): PortalClock | undefined {
	if (args.clock.kind === 'fixed') return fixedClock(args.clock.now);
	if (args.clock.kind === 'replay') return replayClock(args.clock.start, args.clock.speed);
	return undefined;
}

async function main(): Promise<void> {
	let args: PortalArgs;
	try {
		args = parsePortalArgs(process.argv.slice(2), process.env);
	} catch (error) {
		console.error(`portal: ${(error as Error).message}\n${PORTAL_USAGE}`);
		process.exit(2);
	}
	const clock = clockOf(args);
	const server = await startPortalServer({
		dir: args.dir,
		port: args.port,
		host: args.host,
		token: args.token,
		...(clock && { clock }),
		faults: args.faults,
		...(args.faultSeed !== undefined && { random: seededRandom(args.faultSeed) }),
		log: (line) => console.error(`portal: ${line}`)
	});
	const due = clock?.();
	console.error(
		`portal: serving ${server.entries.length} exports from ${args.dir} at ${server.url}/api/exports` +
			(args.token ? ' (bearer token required)' : '') +
			(due ? `, clock at ${due}` : '')
	);
	const stop = () => {
		server.close().then(
			() => process.exit(0),
			() => process.exit(1)
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(`portal: ${(error as Error).message}`);
	process.exit(1);
});
