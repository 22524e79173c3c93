import type { ProseMirrorJSON } from '@canevas/core';
import type { TemplateFilling } from './fillTemplate.js';

/** A demo document: free, or drafted from a referential's template. */
export type DemoDocument =
  | { title: string; content: ProseMirrorJSON }
  | {
      title: string;
      referentialId: string;
      templateId: string;
      filling: TemplateFilling;
      /** Passages already linked as evidence: the quoted phrase → the node ids it evidences. */
      evidence?: { phrase: string; nodeIds: string[]; author: string }[];
    };

const PHASES = {
  consensus: 'Fabrique et animation du consensus',
  rencontre: "Rencontre et mobilisation des personnes privées durablement d’emploi",
  travaux: 'Identification des travaux utiles',
  ebe: "Ouverture des entreprises à but d’emploi",
} as const;

const heading = (level: number, text: string): ProseMirrorJSON => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const paragraph = (text: string): ProseMirrorJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const bullets = (...items: string[]): ProseMirrorJSON => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

/** Newest first in the listing: the first one is created last. */
export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    title: 'Plan d’actions 2026 — Territoire de Lormont',
    referentialId: 'tzcld',
    templateId: 'plan-actions',
    filling: {
      text: {
        'objectifs-strategiques': [
          'Le quartier de Génicart compte environ 420 personnes privées durablement d’emploi, dont un tiers de femmes seules avec enfants. L’objectif stratégique du territoire est de proposer à chacune d’elles un emploi en CDI, à temps choisi, d’ici la fin de 2027.',
          'La commune, le département de la Gironde, France Travail et six associations du quartier sont déjà engagés dans le comité local pour l’emploi.',
        ],
        priorisation: [
          'La rencontre des personnes passe en premier : sans elle, les travaux utiles ne peuvent pas être identifiés. L’ouverture d’une entreprise à but d’emploi n’est envisagée qu’au second semestre 2026, une fois le consensus acquis.',
        ],
        moyens: [
          'Une cheffe de projet à temps plein, financée par la commune ; deux volontaires en service civique ; un local prêté par le centre social ; 38 000 € de budget annuel détaillé dans l’annexe budgétaire.',
        ],
      },
      rows: {
        actions: [
          { action: 'Installer le comité local pour l’emploi et sa charte', phase: PHASES.consensus, responsable: 'Mairie de Lormont', debut: '05/01/2026', echeance: '27/02/2026', statut: 'En cours', indicateur: 'Charte signée par les membres' },
          { action: 'Porte-à-porte et permanences au marché de Génicart', phase: PHASES.rencontre, responsable: 'Cheffe de projet', debut: '02/03/2026', echeance: '30/06/2026', statut: 'À faire', indicateur: '250 personnes rencontrées' },
          { action: 'Ateliers « Ce que je sais faire, ce que j’aimerais faire »', phase: PHASES.rencontre, responsable: 'Centre social', debut: '16/03/2026', echeance: '30/09/2026', statut: 'À faire', indicateur: '12 ateliers tenus' },
          { action: 'Recenser les travaux utiles avec les habitants et les entreprises', phase: PHASES.travaux, responsable: 'Commission travaux utiles', debut: '01/06/2026', echeance: '15/11/2026', statut: 'À faire', indicateur: '30 activités qualifiées' },
          { action: 'Étudier la création d’une entreprise à but d’emploi', phase: PHASES.ebe, responsable: 'Comité local pour l’emploi', debut: '01/09/2026', echeance: '15/12/2026', statut: 'À faire', indicateur: 'Étude de faisabilité rendue' },
        ],
        indicateurs: [
          { indicateur: 'Personnes privées durablement d’emploi rencontrées', cible: '400', echeance: '31/12/2026' },
          { indicateur: 'Membres actifs du comité local pour l’emploi', cible: '25', echeance: '30/06/2026' },
        ],
      },
    },
    evidence: [
      { phrase: 'proposer à chacune d’elles un emploi en CDI, à temps choisi, d’ici la fin de 2027', nodeIds: ['cp2-c2'], author: 'Camille Martin' },
      { phrase: 'La rencontre des personnes passe en premier', nodeIds: ['cp2-c2'], author: 'Camille Martin' },
    ],
  },
  {
    title: 'Plan de communication — Territoire de Lormont',
    referentialId: 'tzcld',
    templateId: 'plan-communication',
    filling: {
      text: {
        objectifs: [
          'Faire connaître le projet à 80 % des habitants de Génicart d’ici juin 2026, et réunir au moins 150 personnes privées durablement d’emploi aux trois réunions publiques de l’année.',
          'Obtenir le vote d’une délibération de soutien du conseil municipal avant l’été 2026.',
        ],
        cibles: [
          'Les personnes privées durablement d’emploi du quartier, dont beaucoup ne fréquentent plus France Travail ; les élus et les services de l’État ; les entreprises et les associations du territoire ; les habitants, qui relaient l’information.',
        ],
        canaux: [
          'Le bouche-à-oreille par des personnes-ressources du quartier, les permanences au marché, le journal municipal, la page Facebook du centre social et la radio associative locale.',
        ],
        'outils-evenements': [
          'Une plaquette en facile à lire et à comprendre, une courte vidéo sous-titrée et une exposition photo itinérante. Le projet participera à la Journée nationale de la lutte contre le chômage de longue durée et à la fête de quartier de juin.',
        ],
      },
      rows: {
        planning: [
          { action: 'Réunion publique de lancement', cible: 'Habitants', canal: 'Affichage et journal municipal', date: '12/03/2026', responsable: 'Cheffe de projet' },
          { action: 'Présentation au conseil municipal', cible: 'Élus', canal: 'Rencontre', date: '07/04/2026', responsable: 'Adjointe à l’emploi' },
          { action: 'Stand à la fête de quartier', cible: 'Habitants et associations', canal: 'Événement', date: '20/06/2026', responsable: 'Centre social' },
        ],
        budget: [
          { poste: 'Impression des plaquettes', nature: 'Charge', categorie: 'Outils', montant: '1 200 €' },
          { poste: 'Vidéo sous-titrée', nature: 'Charge', categorie: 'Outils', montant: '2 500 €' },
          { poste: 'Subvention de la commune', nature: 'Produit', montant: '2 700 €', source: 'Subvention publique' },
          { poste: 'Mécénat d’une banque coopérative', nature: 'Produit', montant: '1 000 €', source: 'Mécénat' },
        ],
      },
    },
    evidence: [
      { phrase: 'plaquette en facile à lire et à comprendre, une courte vidéo sous-titrée', nodeIds: ['cp1-c2'], author: 'Camille Martin' },
      { phrase: 'Journée nationale de la lutte contre le chômage de longue durée', nodeIds: ['cp1-c4'], author: 'Camille Martin' },
    ],
  },
  {
    title: 'Mémoire professionnel — bloc 1 (Inès Benali)',
    referentialId: 'cefi',
    templateId: 'memoire-bloc1',
    filling: {
      text: {
        introduction: [
          'Conseillère en insertion professionnelle dans un PLIE depuis quatre ans, je me suis demandé comment maintenir l’engagement des personnes accompagnées lorsque leur parcours s’interrompt pour des raisons de santé ou de garde d’enfants.',
          'Ce mémoire présente d’abord ma structure et mon cadre d’intervention, puis deux situations d’accompagnement que j’analyse, avant d’évaluer ma pratique.',
        ],
        'structure-candidat': [
          'Le PLIE des Hauts de Garonne accompagne chaque année 900 participants sur quatre communes. J’y suis référente de parcours pour une file active de 70 personnes, en lien avec France Travail, les missions locales et les structures de l’insertion par l’activité économique.',
        ],
      },
    },
  },
  {
    title: 'Compte rendu — réunion du comité local pour l’emploi du 14 janvier',
    content: {
      type: 'doc',
      content: [
        heading(1, 'Réunion du comité local pour l’emploi — 14 janvier'),
        paragraph('Présents : la mairie, le centre social, France Travail, l’association Emmaüs Lormont, trois personnes privées durablement d’emploi.'),
        heading(2, 'Décisions'),
        bullets(
          'La charte du comité sera soumise au vote lors de la prochaine réunion.',
          'Les permanences au marché commencent le 2 mars.',
          'Une commission « travaux utiles » est créée, ouverte à tous les habitants.',
        ),
      ],
    },
  },
];
