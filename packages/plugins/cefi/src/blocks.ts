import { MODALITY } from './ids.js';

export interface ActivitySource {
  label: string;
  /** The tasks the activity referential lists under the activity. */
  tasks: string[];
  /** Bloc 2 splits its activities between the companies and the people accompanied. */
  audience?: string;
}

export interface CompetencySource {
  label: string;
  /** The know-how the competency referential lists under the competency. */
  skills: string[];
  criteria: string[];
}

export interface BlockSource {
  number: 1 | 2 | 3;
  label: string;
  modalities: string[];
  /**
   * Activités n and Compétence n pair one to one in each block of the source table, so each pair
   * is one entry. Criteria are assigned to the competency whose row they share in the flattened
   * table (see README for the assignments that are a matter of judgement).
   */
  units: Array<{ activity: ActivitySource; competency: CompetencySource }>;
  /** Criteria about the whole block's deliverable rather than one competency. */
  blockCriteria?: Array<{ id: string; code: string; label: string; modalities: string[] }>;
}

const ENTREPRISES = 'Auprès des entreprises';
const PERSONNES = 'Auprès des personnes accompagnées';

export const BLOCKS: BlockSource[] = [
  {
    number: 1,
    label: "Accompagnement des personnes dans l’élaboration de leur projet et de leur parcours d’insertion",
    modalities: [MODALITY.memoireBloc1],
    units: [
      {
        activity: {
          label: 'Accueil des publics en individuel ou en collectif',
          tasks: [
            'Présentation des missions de sa structure et de son rôle en tant que conseiller en individuel ou en collectif',
            'Recueil de la demande de la personne',
            "Orientation éventuelle de la personne vers d’autres partenaires en fonction de la demande",
            "Définition d’un cadre et d’une démarche d’intervention, négociation des engagements réciproques",
            'Formalisation des informations recueillies dans une perspective de traçabilité de son activité et de suivi de la personne',
          ],
        },
        competency: {
          label: 'Accueillir les publics en individuel ou en collectif',
          skills: [
            "Situer son rôle et sa place dans l’accompagnement de parcours vers l’insertion au sein de sa structure",
            'Mobiliser des techniques de communication interpersonnelles adaptées',
            "Animer des réunions d’informations collectives",
            "Mettre en œuvre une écoute active en s’appuyant sur des techniques de questionnement et de reformulation permettant l’expression et l’explicitation de la demande",
            "Poser les limites de son cadre d’intervention et déterminer dans son réseau de partenaires l’interlocuteur compétent pour traiter la demande de la personne",
            "Contractualiser avec la personne la mise en place d’un accompagnement",
            "Retranscrire des données pertinentes et en conformité avec le RGPD, en utilisant un système d’informations ou une base de données propre à sa structure : pour répondre à des demandes institutionnelles ; pour faciliter le suivi du parcours de la personne accueillie",
          ],
          criteria: [
            "La structure du candidat est présentée, elle en décrit l’organisation, les missions et activités.",
            "La présentation du candidat permet d’apprécier ses fonctions et le cadre de ses activités.",
            'Les partenaires et les thématiques sur lesquelles le candidat les mobilise sont identifiés (une liste des partenaires peut se situer en annexe du document).',
            "Le cadre de l’accompagnement, de l’intervention est présenté (typologie d’accueil, modalités individuelles/collectives, rythmes et objectifs de l’intervention), les choix sont justifiés au regard de la situation de la personne.",
            'Les modalités de contractualisation sont précisées (les documents supports joints en annexe le cas échéant) au regard de la demande et de la situation de la personne.',
            "L’inventaire des outils de traçabilité propres à la structure et/ou au candidat (système de gestion, planning, synthèse et notes d’entretien…) est réalisé (les documents supports joints en annexe le cas échéant).",
            'Le candidat sait mobiliser les moyens donnés dans son organisation pour favoriser un accueil de qualité.',
          ],
        },
      },
      {
        activity: {
          label: "Élaboration avec la personne d’un diagnostic de sa situation et de ses besoins",
          tasks: [
            'Évaluation des atouts de la personne (aptitudes, compétences, acquis professionnels et/ou personnels)',
            'Identification des freins de la personne (santé, logement, familiaux, mobilité…)',
            'Partage du diagnostic avec la personne',
            'Orientation vers des partenaires selon la problématique présentée par la personne',
            'Définition avec la personne du parcours nécessaire à son insertion',
          ],
        },
        competency: {
          label: 'Élaborer avec la personne un diagnostic de sa situation et de ses besoins',
          skills: [
            'Conduire un entretien en mobilisant des techniques adaptées aux publics',
            "Co-évaluer avec la personne ses compétences en mobilisant des démarches, méthodes, outils d’évaluation des compétences (positionnement, portfolio de compétences, bilan de compétences, PMSMP…)",
            'Amener la personne : à prendre conscience de ses acquis ; à analyser sa propre situation ; à identifier ses atouts et ses freins',
            "L’aider à faire des choix en lui présentant les démarches et mesures/dispositifs envisageables pour formuler son projet de façon réaliste",
            "Repérer à travers l’expression de la situation par la personne les problèmes à traiter et en mesurer le degré d’urgence",
            "Mobiliser, parmi son réseau de partenaires, l’interlocuteur compétent au regard de la problématique présentée par la personne",
            'Formaliser une hypothèse de parcours',
          ],
          criteria: [
            "Les modalités d’élaboration du diagnostic partagé sont présentées et comprennent : les techniques d’entretien utilisées ; les champs investigués ; les dispositifs et mesures d’évaluation des compétences professionnelles utilisés.",
            "Le diagnostic partagé d’une ou plusieurs situations d’accompagnement est présenté, les difficultés, les atouts et les besoins de la personne y sont en articulation avec les différentes problématiques de socialisation, d’exclusion, de professionnalisation et des compétences à développer.",
            "Le réseau de professionnels à mobiliser est constitué et identifié en fonction des champs de compétences de chaque partenaire. Les modalités de collaboration sont explicitées (rencontres, instance de concertation, échanges d’information…).",
            "Un parcours d’accompagnement est défini, les démarches d’accompagnement et les mesures retenues sont précisées et argumentées à partir de la situation de la personne, des résultats du diagnostic et des dispositifs. Le(s) parcours proposé(s) résulte(nt) d’une juste prise en compte de la situation de la personne et du contexte socio-économique dans lequel elle s’inscrit.",
          ],
        },
      },
      {
        activity: {
          label: "Accompagnement de la personne dans l’élaboration de son parcours d’insertion et la réalisation de son projet",
          tasks: [
            "Contribution à l’émergence de projets professionnels",
            "Conseil en méthodologie de recherche d’informations sur l’environnement socio-économique, les métiers, les formations existantes",
            "Formalisation avec la personne des étapes de son parcours vers l’insertion",
            'Mobilisation des dispositifs existants',
            'Sollicitation des partenaires selon le projet de la personne',
            'Accompagnement de la personne à la complétude de dossiers de demande financière',
            "Évaluation avec la personne de l’état d’avancement de son parcours",
            'Réajustement si besoin du parcours',
          ],
        },
        competency: {
          label: "Accompagner la personne dans l’élaboration de son parcours d’insertion et la réalisation de son projet",
          skills: [
            "Amener la personne à construire un projet professionnel : prenant en compte ses intérêts, ses motivations, ses représentations et ses atouts au regard d’un ou plusieurs domaines d’activités ; en utilisant des démarches, méthodes d’élaboration de projets professionnels éducatives, mettant la personne au centre de ses actions, en individuel ou en collectif, avec des supports numériques ou non ; en mobilisant différentes techniques d’entretien (motivationnel, éducatif…) ; en mettant en œuvre une ingénierie pédagogique pour la conception de séances d’animation et en utilisant des techniques d’animation de groupes favorisant la créativité et la coopération",
            "Proposer une démarche active de recherche d’informations sur des sites-ressources identifiés à partir d’une veille sur l’environnement socio-économique",
            'Déterminer avec la personne la hiérarchisation et la planification des différentes étapes/démarches à mener en vue de son insertion',
            "Choisir parmi les dispositifs existants en matière de formation, d’accès à l’emploi, le plus efficient au regard du projet de la personne",
            "Mobiliser l’interlocuteur pertinent au regard du projet de la personne",
            "Maîtriser les procédures de constitution de dossiers en vue d’accompagner la personne dans l’élaboration des dossiers de demande d’aide financière, notamment en matière de parcours de formation",
            'Établir avec la personne un bilan régulier des actions entreprises en identifiant les réussites et les difficultés rencontrées',
            "Proposer d’autres pistes si nécessaire",
          ],
          criteria: [
            "Les méthodologies d’élaboration de projets utilisées sont explicitées ainsi que leurs référencements théoriques.",
            "Le système de mise à disposition d’informations ressources présenté, ainsi que les modalités de mise en relation avec les professionnels ressources, sont mobilisables et adaptés au projet.",
            'Les activités de conseil sont mises en évidence.',
            'Les modalités de travail avec les partenaires sont précisées.',
            "Le montage de dossiers administratifs et financiers est présenté en prenant en compte les critères d’éligibilité.",
            "Des bilans réguliers sont réalisés au fur et à mesure des démarches entreprises, le parcours et les modalités d’accompagnement sont réajustés si nécessaire à bon escient et justifiés.",
          ],
        },
      },
      {
        activity: {
          label: 'Évaluation de son action',
          tasks: [
            'Réalisation du suivi administratif des accompagnements et compte rendu de son activité',
            'Analyse réflexive de sa pratique',
          ],
        },
        competency: {
          label: 'Évaluer son action',
          skills: [
            "Compléter un système d’informations ou une base de données propre à sa structure en vue de rendre compte de son activité et suivre le parcours de la personne",
            'Mener une analyse réflexive sur son action',
          ],
          criteria: [
            "L’analyse de l’activité est explicitée, des axes de progression sont présentés, le cas échéant : le candidat démontre sa capacité à prendre du recul en faisant évoluer sa pratique.",
          ],
        },
      },
    ],
  },
  {
    number: 2,
    label: "Conseil auprès des entreprises et des personnes en vue de favoriser l’intermédiation vers l’emploi",
    modalities: [MODALITY.memoireBloc2],
    units: [
      {
        activity: {
          audience: ENTREPRISES,
          label: 'Analyse des besoins des entreprises en termes de recrutement et profil de compétences',
          tasks: [
            "Prospection des entreprises en vue de recueillir des offres d’emploi et/ou des lieux d’accueil pour des PMSMP ou tout type d’immersion",
            "Présentation et conseil sur les mesures et aides à l’embauche aux entreprises pour favoriser l’insertion des publics",
          ],
        },
        competency: {
          label: 'Analyser les besoins des entreprises en termes de recrutement et profil de compétences',
          skills: [
            "Démarcher les entreprises en vue d’identifier les emplois à pourvoir et présenter le secteur de l’insertion",
            "Participer à l’élaboration d’un diagnostic des besoins en termes de recrutement en lien avec la GPEC",
            "Analyser le travail via l’approche par compétences et les soft skills",
            "Accompagner l’entreprise à définir et formaliser des profils de postes et à organiser le recrutement",
            "Proposer le ou les dispositifs et mesures d’aide à l’embauche et à l’insertion adaptés à l’entreprise",
            "Proposer, co-construire des modalités d’accompagnement dans l’entreprise",
          ],
          criteria: [
            "L’analyse de la situation d’une entreprise sur le marché du travail est réalisée et explicitée.",
            "La manière d’aborder l’entreprise et de présenter sa structure, son rôle et son offre de services est décrite.",
            'Des actions pour développer et activer les relations avec les entreprises sont décrites.',
            "Au regard d’une analyse partagée des besoins de l’entreprise, une offre de services adaptée est proposée.",
            "L’analyse d’un poste de travail et/ou d’un profil de poste est réalisée et formalisée. La méthode d’analyse est explicitée.",
            "La démarche de recueil et d’analyse de l’offre potentielle d’emploi d’une entreprise est présentée et argumentée.",
            "Les différentes mesures et dispositifs d’aide à l’insertion et à l’embauche sont identifiés et mobilisés à bon escient.",
          ],
        },
      },
      {
        activity: {
          audience: ENTREPRISES,
          label: "Intermédiation entre les entreprises et les publics accompagnés et aide à l’intégration des personnes",
          tasks: [
            "Présentation de candidatures de personnes accompagnées et/ou négociation de mises en relation pour une PMSMP ou tout type d’immersion",
            "Suivi des personnes dans l’entreprise (accompagnement dans l’emploi et/ou réalisation de bilan de stage)",
          ],
        },
        competency: {
          label:
            "Favoriser les mises en relation entre les entreprises et les publics accompagnés et faciliter l’intégration des personnes",
          skills: [
            'Inciter les entreprises à développer des parcours de professionnalisation',
            "Concevoir un parcours d’accompagnement et participer au processus d’intégration du salarié en entreprise",
            "Réaliser un bilan avec l’entreprise sur la période d’immersion de la personne en utilisant des outils de suivi",
          ],
          criteria: [
            "Une analyse du profil des publics est réalisée au regard d’une offre d’emploi.",
            "L’intérêt et les modalités possibles d’accompagnement dans l’emploi sont présentés, mis en œuvre, le cas échéant.",
          ],
        },
      },
      {
        activity: {
          audience: ENTREPRISES,
          label: "Construction et/ou entretien des relations partenariales avec l’entreprise",
          tasks: [
            "Maintien des liens avec l’entreprise",
            'Participation à des événements en lien avec le monde socio-économique',
          ],
        },
        competency: {
          label: "Construire et/ou entretenir des relations partenariales avec l’entreprise",
          skills: [
            'Se situer comme interlocuteur des entreprises',
            "Situer sa place et le rôle du CEFI dans l’activité partenariale et valoriser les compétences et les savoir-faire de la structure",
          ],
          criteria: [
            "La posture et les actions du conseiller dans l’intermédiation entre les employeurs et les personnes accompagnées sont décrites et traduites par des actions partenariales concrètes.",
            'Le candidat fait la preuve de relations avec le monde socio-économique.',
          ],
        },
      },
      {
        activity: {
          audience: PERSONNES,
          label: 'Information des personnes sur les évolutions du marché du travail, des parcours et de la formation',
          tasks: [
            "Présentation du marché de l’emploi et des besoins de main-d’œuvre aux publics",
            'Présentation du fonctionnement des entreprises, leurs politiques RH et les pratiques en matière de recrutement',
            "Présentation des dispositifs, mesures et aides à l’embauche aux publics",
          ],
        },
        competency: {
          label: 'Informer les personnes sur les évolutions du marché du travail, des parcours et de la formation',
          skills: [
            "Réaliser une veille économique et sociale sur le marché de l’emploi, les besoins et les différentes mesures et aides à l’embauche en utilisant les divers systèmes d’information",
            'Identifier les données relatives au marché du travail, aux stratégies des entreprises, aux organisations du travail et des processus de production',
          ],
          criteria: [
            "Le recueil et une analyse des informations relatives au marché du travail sur un territoire et aux différents types d’employeurs sont réalisés, actualisés et mobilisés à bon escient.",
            "Le processus et les pratiques de recrutement et de GRH d’une entreprise sont identifiés au regard de sa logique globale (stratégie, type d’activités…) et en lien avec le marché du travail.",
            "Des concepts clés de la sociologie des organisations et de l’analyse du travail sont intégrés dans la réflexion et la mise en œuvre.",
          ],
        },
      },
      {
        activity: {
          audience: PERSONNES,
          label: "Accompagnement des personnes vers et dans l’emploi",
          tasks: [
            "Conseil des personnes dans leurs démarches de recherche d’emploi",
            "Analyse d’offres d’emploi en termes de compétences attendues, de conditions de travail et mise en correspondance avec les compétences des personnes",
            'Identification et réduction des écarts en proposant des parcours de formation, des PMSMP…',
            'Évaluation des actions mises en œuvre avec les personnes et réajustement des parcours',
            "Évaluation de son action d’intermédiation",
          ],
        },
        competency: {
          label: "Accompagner les personnes vers et dans l’emploi",
          skills: [
            "Amener les personnes à se positionner au regard des informations sur le marché de l’emploi, en mettant en avant les secteurs porteurs ainsi que les mesures/dispositifs en faveur de l’insertion, incluant les nouvelles modalités (AFEST, IOD…)",
            "Accompagner les personnes à la recherche d’emploi en mobilisant des démarches innovantes intégrant les outils numériques",
            "Formaliser les compétences des personnes à partir d’outils de type positionnement, référentiel…",
            "Décrypter des offres d’emploi et les mettre en perspective avec les profils des personnes",
            "Construire des parcours de formation et/ou d’intégration des personnes dans l’entreprise et en mesurer la pertinence et les effets",
            "Mesurer et faire mesurer l’avancée des parcours par les personnes",
            "Analyser sa pratique professionnelle en matière d’intermédiation",
          ],
          criteria: [
            "Les démarches d’accompagnement à la recherche d’emploi présentées, en termes de méthodologie, de techniques et d’outils, sont adaptées à la personne (besoins, degré d’autonomie) et en fonction de son projet, avec la mise à disposition de ressources diverses et notamment numériques, pour la veille, la recherche d’informations pertinentes.",
            "L’utilisation de différentes modalités d’accompagnement (individuel/collectif) est explicitée et argumentée.",
            "Une mise en perspective est menée entre l’offre d’emploi et les compétences et capacités des personnes accompagnées.",
            "Les leviers d’action et les moyens d’intervention sont identifiés et mobilisés au regard de phénomènes d’exclusion éventuels.",
            "L’écrit témoigne d’une prise de distance sur ses pratiques professionnelles au travers des éléments d’analyse et des perspectives d’évolution de celles-ci.",
          ],
        },
      },
    ],
  },
  {
    number: 3,
    label: "Participation à l’élaboration et la mise en œuvre de projets ou d’actions en faveur de l’insertion",
    modalities: [MODALITY.carteMentaleBloc3, MODALITY.dossierBloc3],
    units: [
      {
        activity: {
          label: 'Analyse de besoins sur un territoire',
          tasks: [
            'Repérage et analyse des problématiques récurrentes présentées par les publics accompagnés sur un territoire',
            "Repérage des politiques, dispositifs, outils et ressources existants en matière d’aide à l’insertion sociale et professionnelle sur un territoire",
            "Analyse d’un appel à propositions, le cas échéant",
          ],
        },
        competency: {
          label: 'Analyser des besoins sur un territoire',
          skills: [
            'Élaborer un diagnostic de la situation prenant en compte les besoins des publics et le contexte',
            "Analyser les besoins et les enjeux du développement local en repérant ses possibilités d’action au regard des politiques locales et territoriales, des politiques institutionnelles et des orientations de sa structure, des indicateurs relatifs à l’emploi et à la formation de son bassin d’emploi",
            'Décrypter un cahier des charges',
          ],
          criteria: [
            "Des diagnostics de situation sont présentés sur : les besoins des publics ; les caractéristiques de l’environnement socio-économique.",
            "Un état des lieux des politiques publiques de l’emploi et/ou une analyse des indicateurs emploi-formation sont menés.",
          ],
        },
      },
      {
        activity: {
          label: "Conception de projets ou d’actions en réponse aux besoins identifiés",
          tasks: [
            "Participation à la définition d’un projet en faveur de l’insertion et déclinaison de ce dernier en propositions d’actions innovantes avec des partenaires",
            'Étude de la faisabilité du projet',
            'Planification du projet (ou participation à)',
            "Définition avec l’ensemble des parties prenantes des rôles de chacun (ou contribution à)",
            'Construction du budget du projet et recherche de financements, si nécessaire (ou contribution à)',
          ],
        },
        competency: {
          label: 'Concevoir des projets ou des actions en réponse aux besoins identifiés',
          skills: [
            'Initier une idée de projet et en déterminer la finalité et les objectifs',
            'Inscrire sa démarche dans une stratégie partenariale en mobilisant les partenaires pertinents au regard du projet',
            "Définir les critères d’évaluation et les indicateurs de résultats du projet",
            'Déterminer les actions possibles en vue de répondre aux besoins repérés',
            "Co-construire les actions possibles avec les partenaires en s’appuyant sur des démarches favorisant la créativité et la coopération",
            'Identifier les ressources nécessaires',
            'Déterminer les étapes de mise en œuvre du projet et élaborer un calendrier prévisionnel',
            "Définir conjointement les champs d’action et rôles de chacun (coordination, pilotage…)",
            'Identifier les différents postes budgétaires',
            'Constituer des dossiers de demandes de financement',
          ],
          criteria: [
            'Le périmètre, les finalités et objectifs du projet sont définis et argumentés. Les choix des actions et de leurs modalités de réalisation sont justifiés.',
            'Un choix argumenté des partenaires à mobiliser est présenté.',
            'Les difficultés pouvant être potentiellement rencontrées en matière de relations partenariales, ressources, planification… sont anticipées.',
            'A minima, une ébauche de budget présente les différents postes de dépenses et des pistes de financements.',
          ],
        },
      },
      {
        activity: {
          label: 'Mise en œuvre et suivi du projet',
          tasks: [
            'Communication sur le projet',
            'Suivi et réajustement des actions',
            'Réalisation du bilan du projet et compte rendu de son activité',
          ],
        },
        competency: {
          label: 'Mettre en œuvre et suivre le projet',
          skills: [
            'Concevoir et organiser la communication à toutes les phases du projet (lancement du projet, réunions de suivi…)',
            'Mobiliser des outils de suivi du projet (SWOT, PERT, GANTT…)',
            "Concevoir le système d’évaluation du projet et se doter d’outils d’évaluation",
            'Réajuster les actions du projet en fonction des évaluations intermédiaires',
            'Rédiger le bilan du déroulement du projet',
          ],
          criteria: [
            'Une stratégie de communication interne et externe est définie.',
            'Les moyens de suivi du projet sont présentés.',
            "Des critères d’évaluation sont présentés.",
            "Les modalités d’évaluation des points forts et faibles du projet aboutissant à des préconisations en vue d’une capitalisation, d’une diffusion, d’un transfert sont mentionnées.",
          ],
        },
      },
    ],
    blockCriteria: [
      {
        id: 'bloc3-recul',
        code: 'B3-D1',
        label:
          "Le dossier complémentaire témoigne d’une prise de distance sur ses pratiques professionnelles au travers des éléments d’analyse et des perspectives d’évolution de celles-ci.",
        modalities: [MODALITY.dossierBloc3],
      },
    ],
  },
];
