// Which simulated exports the published-figures warehouse loads: every unit tree and unit export, national snapshots at the figures' as-of times.
import { describe, expect, it } from 'vitest';
import { isCalibrationExport } from './calibration-warehouse.ts';

describe('isCalibrationExport', () => {
	it('keeps unit trees, unit exports and the national snapshots up to the 1,000,000th initiative and at the close', () => {
		for (const name of [
			'don-vi_20221231-2359.csv.gz',
			'sang-kien_T77_20230825-1700.xlsx',
			'sang-kien_toan-quoc_20220326-2359.csv',
			'sang-kien_toan-quoc_20220930-2359.csv',
			'sang-kien_toan-quoc_20221003-1600.csv',
			'sang-kien_toan-quoc_20230831-2359.csv',
			'sang-kien_toan-quoc_20231008-0800.csv'
		])
			expect(isCalibrationExport(name), name).toBe(true);
	});

	it('leaves out the month-end national snapshots between the millionth initiative and the close, and non-export files', () => {
		for (const name of ['sang-kien_toan-quoc_20221031-2359.csv', 'sang-kien_toan-quoc_20230731-2359.csv', 'manifest.json'])
			expect(isCalibrationExport(name), name).toBe(false);
	});
});
