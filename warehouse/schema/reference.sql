-- Reference tables of a warehouse version, filled from warehouse/reference/ by load-reference.ts (replaced whole on every run).
CREATE TABLE IF NOT EXISTS ref_region (
	code    VARCHAR PRIMARY KEY,
	name    VARCHAR NOT NULL,
	name_en VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS ref_province (
	code         VARCHAR PRIMARY KEY,
	name         VARCHAR NOT NULL,
	kind         VARCHAR NOT NULL,
	region_code  VARCHAR NOT NULL,
	map2025_code VARCHAR NOT NULL
);

-- One row per (2025-map province, pre-2025 province it covers).
CREATE TABLE IF NOT EXISTS ref_map2025 (
	code              VARCHAR NOT NULL,
	name              VARCHAR NOT NULL,
	kind              VARCHAR NOT NULL,
	old_province_code VARCHAR NOT NULL,
	PRIMARY KEY (code, old_province_code)
);

CREATE TABLE IF NOT EXISTS ref_cluster (
	code VARCHAR PRIMARY KEY,
	name VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS ref_level1 (
	code          VARCHAR PRIMARY KEY,
	name          VARCHAR NOT NULL,
	short_name    VARCHAR NOT NULL,
	kind          VARCHAR NOT NULL CHECK (kind IN ('provincial', 'sectoral', 'corporation')),
	province_code VARCHAR NOT NULL,
	region_code   VARCHAR,
	map2025_code  VARCHAR,
	cluster_code  VARCHAR NOT NULL
);
