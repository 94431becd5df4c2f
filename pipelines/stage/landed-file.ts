// What stage needs of a landed file (pipelines/land/land-files.ts): where it is and what its export file name says.
import type { LandedFile as LandRecord } from '../land/land-files.ts';

export type LandedFile = Pick<LandRecord, 'sha256' | 'name' | 'path' | 'dataset' | 'scope' | 'exportedAt' | 'format' | 'gzip' | 'sizeBytes'>;
