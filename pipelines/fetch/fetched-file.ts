// What the fetch stage hands to land: a verified local file named per the export contract, with its checksum.

export interface FetchedFile {
	/** Local path of the verified bytes (a drop-folder file, a finished download, or an already landed copy). */
	path: string;
	/** The export file name (contract form), which may differ from the basename of `path`. */
	name: string;
	/** Lowercase hex sha256 of the bytes at `path`. */
	sha256: string;
	sizeBytes: number;
	/** Where it came from: a drop-folder path or a portal URL (never a token). */
	source: string;
}
