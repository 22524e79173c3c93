/**
 * One fiche of the PDIE call for projects, transcribed as data. The manifest's nodes and the
 * nine « Dossier de candidature » templates are both derived from these records, so a fiche is
 * written once and its objectives, requirements and indicators cannot drift apart.
 */

/** The template sections a requirement of a fiche is answered in. */
export type RequirementSection = 'note' | 'public' | 'contenu' | 'moyens' | 'calendrier';

/** The four axes of the call's summary, under which the fiches are grouped. */
export type AxisId =
  | 'axe-projet'
  | 'axe-transversales.base'
  | 'axe-transversales.personnelles'
  | 'axe-professionnelles'
  | 'axe-accompagnement';

export interface FicheItem {
  label: string;
  description?: string;
  /** Sub-items, e.g. the competencies listed under one pedagogical objective. */
  items?: FicheItem[];
}

export interface FicheRequirement extends FicheItem {
  section: RequirementSection;
}

/** A type of action the fiche lets a project choose (Fiche 4: A/B, Fiche 6: A/B/C). */
export interface ActionType {
  letter: string;
  label: string;
  description?: string;
  /** Whether the items say what the participants achieve or what the project must do. */
  itemType: 'objective' | 'requirement';
  items: FicheItem[];
}

export interface FicheIndicator {
  label: string;
  description?: string;
  /** When the source says it is measured, e.g. « 3 mois après l'action ». */
  timing?: string;
  unit?: string;
}

export interface Fiche {
  /** Stable id of the fiche node; its children's ids start with it. */
  id: string;
  /** « 1 », « 2A »… */
  number: string;
  axis: AxisId;
  title: string;
  /** Context or opportunity that the source states for the whole fiche. */
  context?: string;
  generalObjectives: FicheItem[];
  /** The « Profil du public » paragraph(s), verbatim in substance. */
  publicProfile: string;
  pedagogicalObjectives: FicheItem[];
  actionTypes?: ActionType[];
  requirements: FicheRequirement[];
  /** The bases of evaluation other than the indicators (conformity, relevance). */
  evaluationCriteria: FicheItem[];
  /** The « indicateurs d'efficacité demandés par le Département ». */
  indicators: FicheIndicator[];
}

export const AFTER_THREE_MONTHS = "3 mois après l’action";
