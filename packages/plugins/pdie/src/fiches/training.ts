import type { FicheRequirement } from '../fiche.js';

/**
 * Requirements that Fiche 4 (pré-qualification, professionnalisation) and Fiche 5
 * (qualification) state in the same words: the training actions of the call.
 */

export const jobSearchSkills = (withTradeVocabulary: boolean): string[] => [
  "– connaître les différents environnements d’exercice du métier ;",
  '– identifier les employeurs potentiels ;',
  "– comprendre une offre d’emploi et y répondre ;",
  '– réaliser son CV ;',
  ...(withTradeVocabulary ? ['– acquérir ou consolider un vocabulaire du métier, une « culture du métier » ;'] : []),
  '– bien se connaître et être capable de présenter son parcours, ses compétences ;',
  '– mener un entretien de recrutement ;',
  '– utiliser les outils informatiques et numériques dans sa recherche ;',
  '– organiser sa recherche.',
];

export const sectorAnalysis = (what: 'compétences' | 'qualifications'): FicheRequirement => ({
  section: 'note',
  label: 'Présentation détaillée de la filière, des métiers visés et des besoins des entreprises',
  description: [
    'Le porteur de projet présentera en détail :',
    `– les méthodes et outils utilisés pour identifier les ${what} demandées par les entreprises (exemples : code ROME, offres d’emploi, rencontres avec les services RH…) ;`,
    '– des éléments contextualisés sur la filière et les métiers visés ;',
    "– des exemples concrets d’actions menées avec les entreprises ou les fédérations professionnelles (cf. conventions de partenariat…) ;",
    "– les potentialités de recrutement sur le métier visé par l’action…",
  ].join('\n'),
});

export const technicalPlatforms: FicheRequirement = {
  section: 'moyens',
  label: 'Acquisition des gestes professionnels : plateaux techniques',
  description:
    "Une attention particulière sera portée à l’acquisition des gestes professionnels : description des plateaux techniques (postes, équipements…), modalités de mise en situation pratique, animation par des intervenants qualifiés issus des entreprises ou en lien avec elles.",
};

export const companyPlacement: FicheRequirement = {
  section: 'moyens',
  label: 'Périodes pratiques en entreprise : convention tripartite et évaluation',
  description: [
    'Lors de la ou des périodes pratiques en entreprise :',
    "– une convention tripartite est signée entre le stagiaire, l’entreprise et l’organisme. Cette convention de stage doit définir les objectifs poursuivis par le stagiaire, les conditions de réalisation (horaires, lieux…), la désignation d’un tuteur et l’organisation, en précisant les tâches et les missions qu’aura à réaliser le stagiaire, permettant bien sûr de développer les compétences en relation avec la formation ;",
    "– l’organisme doit veiller au bon déroulement de cette période et l’évaluer avec le tuteur désigné par l’entreprise et le stagiaire ; un modèle de grille d’évaluation sera transmis.",
  ].join('\n'),
};

export const businessPartnerships: FicheRequirement = {
  section: 'moyens',
  label: 'Relations avec les entreprises, les fédérations professionnelles et les autres organismes',
  description:
    "L’organisme présentera ses relations avec les entreprises et les fédérations professionnelles, en formalisant le type de partenariat (convention, protocole…), ainsi que celles développées avec d’autres associations et organismes de formation, notamment du PDI.",
};

export const recruitment: FicheRequirement = {
  section: 'contenu',
  label: 'Processus de recrutement et retour formalisé sur les refus',
  description: [
    "Tenant compte des retours des organismes de formation et des prescripteurs, et du suivi des actions mises en œuvre dans le cadre du PDI les années précédentes, une attention particulière sera portée à la phase de recrutement. Cette phase est importante pour sécuriser les projets de formation et les parcours des allocataires du RSA. Il est demandé de décrire précisément le processus de recrutement :",
    "– informations sur les métiers accessibles à l’issue de la formation ;",
    '– moyens mis en œuvre pour sélectionner les publics (tests de connaissances, mise en situation pratique, entretiens de motivation…).',
    "Un retour formalisé indiquant les motifs de refus d’entrée (pertinence du projet professionnel de la personne, intérêt exprimé, prérequis…) devra être transmis aux prescripteurs ; une proposition de préconisation sera inscrite dans la fiche de prescription pour le prescripteur et un document sera remis à la personne.",
  ].join('\n'),
};

export const referentServicesLink =
  "Le porteur de projet devra conserver, tout au long de l’action, un lien avec les services référents dans le cadre du suivi individuel des participants. Le Département sera attentif aux modalités qui permettront le maintien en formation et la sécurisation des parcours.";

export const traineeDocuments = (registrationNote: string): FicheRequirement => ({
  section: 'contenu',
  label: 'Documents remis aux stagiaires',
  description: [
    "À l’entrée en formation, le stagiaire recevra : une attestation d’entrée en formation, le planning de l’action, la liste des intervenants, le contenu de la formation, un livret stagiaire (contrat d’objectif de formation et suivi de progression).",
    "En cours de formation : une convention de stage en entreprise ainsi que la grille d’évaluation du stage pratique.",
    'En fin de formation : une attestation de fin de formation. Il est demandé que soient stipulées, sur cette attestation, les compétences acquises en fin de formation.',
    registrationNote,
  ].join('\n'),
});
