export { sourceText, type NbCell, type Notebook } from '../../kernel/notebook';
import type { NbOutput } from '../../kernel/client';

/** An nbformat output as read from disk (text fields may be lists of lines). */
export type NbOutputLike = NbOutput | { output_type: string; [key: string]: any };
