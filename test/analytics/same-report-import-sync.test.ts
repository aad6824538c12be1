/** Import and sync give the same report: allen-p, lavorato-j and the ham (see import-sync-comparison.ts). */
import { describeImportAndSync } from './import-sync-comparison.ts';

describeImportAndSync(['allen-p', 'lavorato-j', 'ham']);
