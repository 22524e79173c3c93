import { stakeholdersStartingWith } from '../tables.js';
import type { TemplateInput } from '../types.js';
import { TEMPLATE } from './ids.js';

/** The relays the workshop named for reaching people the public services do not identify. */
export const RESOURCE_PERSONS = [
  'Municipalités, maires et secrétaires de mairie',
  'Référents du territoire (éducation, parentalité…)',
  'Enseignants',
  'Médiateurs sociaux',
  'Éducateurs',
  'Assistantes sociales',
  'Associations de proximité',
] as const;

export const tzcldMobilisationTemplate: TemplateInput = {
  id: TEMPLATE.tzcld,
  title: "Mobilisation TZCLD — personnes privées durablement d’emploi",
  description:
    "Aller à la rencontre des personnes privées d’emploi qui ne sont pas identifiées par les services publics, dans un projet Territoire zéro chômeur de longue durée, d’après les solutions de l’atelier 3 (PETR Monts et Barrages).",
  sections: [
    {
      id: 'contexte',
      heading: 'Contexte du territoire et du projet',
      prompt:
        "Présentez le territoire (population, communes, emploi, demandeurs d’emploi dont de longue durée), le portage du projet, le comité local pour l’emploi et ses commissions, les actions déjà menées auprès des personnes privées durablement d’emploi et l’objectif d’entreprise à but d’emploi.",
      nodes: ['atelier-3'],
    },
    {
      id: 'personnes-ressources',
      heading: "S’appuyer sur des personnes-ressources",
      prompt:
        "Identifiez les personnes-ressources à informer, former et associer à la communication sur le projet ; une ligne par relais, avec son niveau d’implication.",
      nodes: ['atelier-3'],
      table: stakeholdersStartingWith(RESOURCE_PERSONS),
    },
    {
      id: 'lieux-evenements',
      heading: "S’appuyer sur des lieux et des événements",
      prompt:
        "Planifiez des permanences dans les tiers-lieux, les associations, les foyers ruraux, les centres sociaux, sur les marchés, et lors d’événements culturels et de loisirs (forum des associations, festivals…). Choisissez des lieux et des moments appropriés : ne pas intervenir là où la personne cherche justement à se divertir, à oublier ses problèmes.",
      nodes: ['atelier-3'],
      table: {
        kind: 'custom',
        columns: [
          { id: 'lieu', label: 'Lieu ou événement', type: 'text', required: true },
          { id: 'public', label: 'Personnes visées', type: 'text' },
          { id: 'date', label: 'Date', type: 'date' },
          { id: 'presence', label: 'Qui y va', type: 'text' },
        ],
      },
    },
    {
      id: 'communication',
      heading: 'Plan de communication',
      prompt: 'Décrivez la communication sur les réseaux sociaux et dans les lieux stratégiques (tiers-lieux, mairies, foyers…) : messages, supports, calendrier.',
      nodes: ['atelier-3'],
    },
    {
      id: 'donner-du-sens',
      heading: 'Donner du sens à la démarche',
      prompt:
        "Expliquez comment vous instaurez ou redonnez la confiance à des personnes en situation de précarité et de méfiance envers les institutions, parfois par des chemins détournés (le sport, la cuisine…), en partant de leurs désirs et de leurs compétences pour aller vers l’emploi ou la formation.",
      nodes: ['atelier-3'],
    },
    {
      id: 'aller-vers',
      heading: 'Aller vers les personnes',
      prompt:
        "Précisez comment vous allez à la rencontre des jeunes, des seniors, des parents sur leurs lieux de vie (stades, foyers, sorties d’école), voire chez eux (porte-à-porte par un référent jeunesse de la municipalité, par exemple), sans être partout et nulle part à la fois ni intrusif.",
      nodes: ['atelier-3'],
    },
    {
      id: 'vigilance',
      heading: 'Points de vigilance',
      prompt:
        "Notez comment vous tenez compte de l’isolement et de la perte de confiance et d’estime de soi qui freinent le passage de la porte des services publics, du risque d’accroître le sentiment de précarité, et d’une temporalité des projets et des appels à projets qui laisse peu de temps pour installer la confiance.",
      nodes: ['atelier-3'],
    },
  ],
};
