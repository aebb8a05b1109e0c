/**
 * One shared wink-nlp engine (English lite model, sentence boundaries + POS) for every stage:
 * loading the model costs ~0.2 s and ~30 MB, so extraction and the cross-check use the same one.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type WinkEngine = ReturnType<typeof winkNLP>;

let engine: WinkEngine | null = null;

export function wink(): WinkEngine {
  engine ??= winkNLP(model, ['sbd', 'pos']);
  return engine;
}
