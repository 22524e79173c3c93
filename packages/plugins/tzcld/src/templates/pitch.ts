import { MODALITY } from '../modalities.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

export const pitchTemplate: TemplateInput = {
  id: TEMPLATE.pitch,
  title: 'Pitch',
  description:
    "Support de la présentation orale (pitch et questions-réponses) : un discours structuré qui porte les convictions du projet TZCLD avec des arguments adaptés aux destinataires, en tenant compte des personnes en situation de handicap.",
  modality: MODALITY.oral,
  sections: [
    {
      id: 'structure',
      heading: 'Structure du pitch',
      prompt:
        "Posez le déroulé et le minutage : accroche, problème (la privation durable d’emploi sur le territoire), solution (le projet et ses convictions), preuves (premiers résultats, partenaires engagés), appel à l’engagement. Une expression compréhensible, précise et structurée est évaluée (CP1-C5).",
      nodes: ['cp1-c5'],
    },
    {
      id: 'accroche',
      heading: 'Accroche',
      prompt: "Rédigez les premières phrases : un chiffre, un témoignage ou une question qui fait entrer l’auditoire dans le projet.",
    },
    {
      id: 'convictions',
      heading: 'Convictions et fondamentaux',
      prompt:
        "Formulez simplement les convictions du projet TZCLD et ses fondamentaux (exhaustivité, supplémentarité, emploi en CDI à temps choisi) (CP1-C1).",
      nodes: ['cp1-c1'],
    },
    {
      id: 'arguments',
      heading: 'Arguments adaptés aux publics',
      prompt:
        "Pour chaque destinataire (élus, entreprises, partenaires de l’emploi, habitants, personnes privées durablement d’emploi), notez ses intérêts et l’argument qui y répond (CP1-C2).",
      nodes: ['cp1-c2'],
      table: {
        kind: 'custom',
        columns: [
          { id: 'public', label: 'Destinataire', type: 'text', required: true },
          { id: 'interets', label: 'Ses intérêts', type: 'text' },
          { id: 'argument', label: 'Argument', type: 'text', required: true },
        ],
      },
    },
    {
      id: 'accessibilite',
      heading: 'Accessibilité',
      prompt:
        "Précisez comment le pitch et ses supports tiennent compte des personnes en situation de handicap : langage clair, supports lisibles et contrastés, sous-titrage ou interprétation, lieu accessible (CP1-C2).",
      nodes: ['cp1-c2'],
    },
    {
      id: 'appel',
      heading: "Conclusion et appel à l’engagement",
      prompt: "Terminez par ce que vous attendez de l’auditoire : rejoindre le comité local pour l’emploi, proposer des travaux utiles, soutenir le financement…",
    },
    {
      id: 'questions-reponses',
      heading: 'Préparation des questions-réponses',
      prompt:
        "Anticipez les questions du jury (financement, exhaustivité, non-concurrence, coopération avec le service public de l’emploi) et préparez des réponses courtes et précises (CP1-C5).",
      nodes: ['cp1-c5'],
    },
  ],
};
