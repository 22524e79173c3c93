import type { Fiche } from '../fiche.js';

export const fiche7: Fiche = {
  id: 'fiche-7',
  number: '7',
  axis: 'axe-accompagnement',
  title: "Développer un accompagnement ciblé, levier pour l’insertion professionnelle des publics vulnérables",
  generalObjectives: [
    {
      label: "Permettre à un public bénéficiaire ou demandeur du RSA d’établir un plan d’action pour rétablir ses droits et les maintenir",
      description:
        "Plus particulièrement, l’accompagnement de ce public devra s’articuler autour du respect des règles liées au dispositif légal de droits et devoirs du RSA et de l’établissement d’un bilan personnel et professionnel centré sur les acquis de la personne, afin de favoriser son employabilité ainsi que son insertion professionnelle.",
    },
  ],
  publicProfile: [
    "Le public visé est allocataire du RSA, ou demandeur du RSA qui n’en bénéficie pas encore.",
    "Ces actions s’adressent à des personnes possédant des attaches sur le territoire séquano-dionysien mais dont le mode de vie rend difficile une inscription régulière et durable sur le territoire, et ainsi un accompagnement fluide par le « droit commun » : personnes sans domicile fixe, sortants de prison, gens du voyage.",
  ].join('\n'),
  pedagogicalObjectives: [
    { label: "Établir un plan d’action pour rétablir ou maintenir ses droits (RSA et droits connexes)" },
    {
      label: 'Se repérer dans les règles liées au dispositif légal de droits et devoirs du RSA et les respecter',
      description: "Contractualisation, respect des obligations, démarches d’insertion.",
    },
    {
      label: 'Établir un bilan personnel et professionnel',
      description:
        "Sur ses valeurs, ses intérêts, ses expériences, ses compétences professionnelles, etc., permettant de se projeter dans un parcours d’insertion professionnelle.",
    },
    { label: 'Rétablir une image positive et active de la personne accompagnée' },
  ],
  requirements: [
    {
      section: 'moyens',
      label: 'Conventionnement possible comme service « référent RSA » et relais vers le droit commun',
      description:
        "Au titre de cette action, l’association porteuse peut envisager un conventionnement spécifique avec le Département afin de devenir service « référent RSA ». Le cas échéant, le porteur de projet devra privilégier le lien avec les autres associations et services référents, particulièrement lorsqu’il s’agira de préparer la fin de l’accompagnement par l’association et le relais vers le droit commun.",
    },
    {
      section: 'contenu',
      label: "Approche globale, partenariale et pluridisciplinaire de l’accompagnement",
      description: "L’action devra favoriser une approche globale, partenariale et pluridisciplinaire de l’accompagnement des publics.",
    },
    {
      section: 'calendrier',
      label: 'Accompagnement sur une année entière, renouvelable',
      description:
        "L’accompagnement pourra avoir lieu sur une année entière, renouvelable sur proposition de la structure et sur validation du Conseil départemental, à travers l’actualisation des Contrats d’Engagement Réciproque.",
    },
    {
      section: 'contenu',
      label: 'Mixité entre accompagnement individuel et accompagnement collectif',
      description: "L’action proposera, si possible, une mixité entre accompagnement individuel et accompagnement collectif.",
    },
    {
      section: 'contenu',
      label: "Plan d’action favorisant l’insertion professionnelle",
      description:
        "L’accent sera porté sur la mise en œuvre d’un plan d’action permettant de favoriser l’insertion professionnelle des personnes accompagnées. L’accompagnement portant sur l’aide à l’émergence du projet professionnel et l’accès à l’emploi pourra être réalisé dans le cadre d’un partenariat entre plusieurs associations.",
    },
  ],
  // The source evaluates this fiche on the Department's indicators only.
  evaluationCriteria: [],
  indicators: [
    { label: 'Nombre de bénéficiaires' },
    {
      label: 'Évaluation des situations de départ et de leur progression sur différents champs',
      description: 'Réflexion à mener en partenariat avec le Département.',
    },
    {
      label: "Nombre d’entretiens et d’ateliers réalisés par le bénéficiaire au cours de l’accompagnement",
      timing: "Au cours de l’accompagnement",
    },
  ],
};
