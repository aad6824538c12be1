/** Import and sync give the same report: the two largest Enron users (see import-sync-comparison.ts). */
import { describeImportAndSync } from './import-sync-comparison.ts';

describeImportAndSync(['beck-s', 'farmer-d']);
