export interface ExampleSource {
  /** « Dans les situations… » entries are situations; the other entries name activities. */
  type: 'situation' | 'activity';
  label: string;
  /** The examples the source gives in italics. */
  description?: string;
}

export interface KeyCompetencySource {
  code: 'C1' | 'C2' | 'C3';
  /** « Formulation de la compétence clef », as in the table. */
  label: string;
  /** The italic gloss under the formulation, and the wording of « Le contenu de l'emploi repère » when it differs. */
  description: string;
  examples: ExampleSource[];
  /** « Sur quels critères la commission l'évalue ? » — each completes « …appréciera la manière dont vous : ». */
  criteria: string[];
}

export const KEY_COMPETENCIES: KeyCompetencySource[] = [
  {
    code: 'C1',
    label:
      "Maîtriser la transmission de son expertise et sa capacité à adapter et à construire des méthodes d’intervention pour produire des services",
    description: [
      "Maîtriser les connaissances, outils, méthodes, techniques du métier du conseil à l’emploi.",
      "Maîtriser la mise à disposition de son champ d’expertise, ses méthodes d’intervention pour faciliter la production et la performance (coopération, coproduction, partage d’information, d’expériences).",
    ].join('\n'),
    examples: [
      {
        type: 'situation',
        label:
          "Dans les situations professionnelles et activités ayant pour objet la production de services, d’actions concourant au placement ou la satisfaction de l’offre",
        description:
          "Par exemple : entretien de construction du PPAE (projet personnalisé d’accès à l’emploi), entretien de suivi, de bilan des actions engagées sur le plan d’action à poursuivre, sur la réduction des écarts, entretien de recueil d’offre et/ou de négociation, proposition d’une mesure, d’une prestation.",
      },
      {
        type: 'situation',
        label:
          "Dans les situations et activités ayant pour objet de faciliter le travail de co-production visant à renforcer l’expertise collective et/ou en individuel par un appui méthodologique ou technique, par des méthodes ciblées sur l’atteinte des résultats",
        description:
          "Par exemple : résolution de situations complexes liées à des problématiques d’insertion et de l’intermédiation : analyse d’un fichier, d’un portefeuille de demandeurs d’emploi, d’entreprises ; préparation de plans d’actions ; situation de transfert aux collègues (tutorat, accueil d’un nouvel arrivant, analyse du marché local du travail…).",
      },
      {
        type: 'situation',
        label:
          'Dans les situations et activités ayant pour objet de faciliter le travail de coopération sur des actions, des projets en interne, en externe',
        description:
          "Par exemple : réunions de travail avec le réseau interne et les partenaires (participation à la réflexion et à la formalisation de plans d’action, de propositions d’amélioration).",
      },
    ],
    criteria: [
      'Connaissez le potentiel et les limites des outils, techniques à votre disposition et savez les utiliser au quotidien et à bon escient',
      "Posez le diagnostic et partagez l’analyse",
      "Passez à la résolution de problèmes en rendant acteur l’interlocuteur dans une logique de résultat",
      "Ajustez les conseils techniques, les actions pour agir en les personnalisant à la situation de l’interlocuteur",
      'Proposez les adaptations nécessaires en les justifiant dans le respect des contraintes et des moyens pour répondre aux besoins des clients, des collègues, des acteurs externes',
      "Construisez et mettez en œuvre les modes de transmission adaptés à l’interlocuteur, au thème et au contexte",
      'Accompagnez la mise à disposition des outils, des méthodes définies en mobilisant les ressources internes et externes nécessaires',
      "Procédez à des évaluations du niveau d’appropriation de votre interlocuteur afin de l’amener à intégrer et à développer les bonnes pratiques",
      "Évaluez l’impact de votre action",
    ],
  },
  {
    code: 'C2',
    label: "Maîtriser la conduite de projet et/ou la coordination d’actions en interne et/ou en externe",
    description: [
      'Capacité à travailler en synergie avec ses collègues, des partenaires autour d’une situation interne et/ou externe en mobilisant des ressources, en développant des modes de travail collaboratifs, en construisant des partenariats.',
      "Formulée dans « Le contenu de l’emploi repère » : « Maîtriser la conduite de projet et/ou la coordination d’actions, de dispositifs en interne, en externe ».",
    ].join('\n'),
    examples: [
      {
        type: 'situation',
        label:
          'Dans les situations professionnelles dont la finalité est de mobiliser, fédérer et faire travailler ensemble une ou plusieurs personnes en interne comme en externe en vue d’obtenir le résultat attendu, dans les délais impartis',
        description:
          "Par exemple : coordination d’actions en interne et en externe, conduite de projet spécifique (définition des objectifs, de l’enveloppe budgétaire et des ressources humaines nécessaires ; constitution de l’équipe sur la base de compétences complémentaires ; mobilisation de la démarche, organisation des différentes étapes et tâches ; suivi de l’avancement (calendrier, coûts, délais) ; mise en place des actions correctives ; processus de décisions).",
      },
      {
        type: 'situation',
        label:
          "Dans les situations professionnelles dont la finalité est d’organiser le suivi de l’activité, la mise en œuvre d’actions de régulation, de mesures correctives sur des points de fragilité repérés dans le projet et/ou la coordination d’actions autour d’une problématique en vue d’obtenir le résultat attendu, dans les délais impartis",
        description:
          "Préparation, conduite et suivi de réunions (rédaction de comptes rendus, conclusions d’entretiens…) ; animation de réunions (d’information, de décision, de production…) ; formalisation de plans d’action, de propositions d’amélioration.",
      },
      {
        type: 'situation',
        label:
          "Dans les situations de travail en coopération, en coproduction avec ses pairs (partage d’information, d’expériences, de réalisation), avec les acteurs",
        description: 'Réunions de travail avec le réseau interne et les partenaires (participation à la réflexion et à la formalisation).',
      },
      {
        type: 'activity',
        label:
          'Échanges au quotidien avec les agents (mise en commun des finalités, des informations nécessaires au développement du professionnalisme)',
      },
      {
        type: 'situation',
        label: "Dans les situations de reporting : point sur l’avancée des travaux ; prise de décisions et arbitrages",
      },
    ],
    criteria: [
      'Appliquez et mettez en œuvre les outils et méthodologies de conduite de projet',
      'Mobilisez et fédérez les ressources, moyens humains (externes, internes), techniques et démarches pour atteindre les résultats',
      "Entretenez la motivation des acteurs en expliquant, en informant, en accompagnant l’action par un appui pédagogique aux moments critiques",
      "Assurez auprès de chacun des membres de votre projet, de l’équipe, la compréhension et le partage des objectifs, des orientations, des enjeux et des rôles assignés",
      "Évaluez régulièrement l’avancée des actions, mesurez les écarts entre réalisé et prévu, et procédez aux ajustements, en tenant compte des modifications de l’environnement et des aléas",
      'Communiquez sur les avancées, sur les actions, les résultats',
      "Rendez compte de l’avancement du projet et alertez le décideur sur les zones de risques et/ou difficultés",
      'Faites prendre les décisions et rendre les arbitrages',
      'Aboutissez à des réalisations concrètes, obtenez les résultats envisagés dans les délais, le cas échéant dans des contextes et environnements difficiles et parfois en évolution',
      'Formalisez et communiquez le bilan du projet ou des actions',
    ],
  },
  {
    code: 'C3',
    label: "Maîtriser la veille informative et technique en interne et en externe dans une logique d’optimisation des actes métier",
    description: [
      "Capacité à se tenir informé des pratiques (état de l’art, évolutions…), à tirer les enseignements des actions passées, à proposer des manières de faire nouvelles (imaginées et expérimentées), des améliorations dans le fonctionnement de l’ALE, en trouvant et en concrétisant des opportunités.",
      "Formulée dans « Le contenu de l’emploi repère » : « Maîtriser la veille informative et technique en interne, en externe dans une logique d’optimisation des actes métier ».",
    ].join('\n'),
    examples: [
      {
        type: 'situation',
        label:
          "Dans les situations professionnelles dont la finalité est d’apporter aux collègues, à des acteurs en interne ou en externe des informations, des données, des méthodes, des analyses destinées, par les préconisations, les propositions, à faciliter l’action, la prise de décision, la production de services, la résolution de problématiques d’insertion et/ou d’intermédiation",
        description:
          "Par exemple : analyse de l’environnement, du processus de production de services, du marché du travail, du processus d’évaluation et suivi d’activité, de l’évaluation du niveau d’atteinte des résultats et des impacts sur l’emploi… La préparation, conduite et suivi de réunions en ALE et hors ALE présentant les actions de l’ALE et de l’ANPE.",
      },
      {
        type: 'activity',
        label:
          "Identification de réseaux de ressources (savoirs, information…), d’expertises (personnes ressources, experts, spécialistes)",
        description:
          'Le développement des contacts avec des organisations avec lesquelles un partenariat pourrait être utile au bénéfice des entreprises en projet de recrutement et des actifs en évolution professionnelle.',
      },
      {
        type: 'activity',
        label: "Travail de formalisation et utilisation des résultats, des revues de projets, des échanges d’expérience",
      },
      {
        type: 'activity',
        label: "Propositions d’amélioration (pour formaliser un projet, une organisation interne)",
      },
    ],
    criteria: [
      'Actualisez vos connaissances, les informations en mettant en œuvre des dispositifs de veille adaptés',
      'Identifiez et mobilisez les ressources (sources d’information, acteurs, moyens) internes et/ou externes',
      "Comprenez une situation, anticipez les effets, les risques et les difficultés d’un choix, d’un conseil et prévoyez les moyens ou les actions permettant de les surmonter",
      "Tirez les enseignements des actions et les mettez à disposition des agents, de l’ELP, de votre supérieur hiérarchique, de l’EDD",
      'Capitalisez vos expériences, proposez des manières de faire nouvelles (imaginées et expérimentées), des améliorations, en trouvant et en concrétisant des opportunités, et ce sans perdre de vue les objectifs de résultats',
      'Construisez et mettez en œuvre des modes de transmission adaptés aux interlocuteurs, contextes et thématiques',
    ],
  },
];
