import type { TemplateInput } from '../types.js';
import { carteMentaleBloc3Template } from './carteMentaleBloc3.js';
import { dossierBloc3Template } from './dossierBloc3.js';
import { memoireBloc1Template } from './memoireBloc1.js';
import { memoireBloc2Template } from './memoireBloc2.js';

export const cefiTemplates: TemplateInput[] = [
  memoireBloc1Template,
  memoireBloc2Template,
  carteMentaleBloc3Template,
  dossierBloc3Template,
];
