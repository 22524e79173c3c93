import { between, pick } from './random.js';

// Words of the dossiers Canevas hosts (TZCLD action plans, CEFI dissertations), with the
// apostrophes, accents and punctuation that French prose brings.
const WORDS = (
  'le la les des du de un une l’équipe territoire personnes privées durablement d’emploi comité local ' +
  'entreprise à but emploi partenaires mobilisation consensus travaux utiles diagnostic projet ' +
  'financement subvention mécénat qu’il s’agit aujourd’hui peut-être évaluation accompagnement ' +
  'parcours insertion professionnelle compétences référentiel tuteur candidat dossier mémoire ' +
  'situation professionnelle analyse pratique réflexive bénéficiaires structure action collective ' +
  'indicateurs résultats objectifs calendrier budget charges produits acteurs institutionnels ' +
  'département région commune association collectivité usagers publics orientation formation ' +
  'entretien individuel suivi démarche méthode retour d’expérience amélioration continue et ou ' +
  'mais donc car pour avec sans sur dans entre vers chez depuis pendant selon afin que qui dont'
).split(' ');

export function frenchWord(random: () => number): string {
  return pick(random, WORDS);
}

/** A sentence of `words` words, capitalised, ending with a full stop. */
export function frenchSentence(random: () => number, words = between(random, 8, 20)): string {
  const list = Array.from({ length: words }, () => frenchWord(random));
  if (random() < 0.2) list.splice(between(random, 2, list.length - 1), 0, '2026,');
  const text = list.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}
