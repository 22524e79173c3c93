import { basename, isAbsolute } from 'node:path';
import type { ReferentialManifest, RegistryProblem } from '@canevas/core';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { router, userProcedure } from './trpc.js';

/** What « Nouveau document » lists: enough to choose a referential, then a template. */
export interface ReferentialSummary {
  id: string;
  version: string;
  title: string;
  /** How cards and document rows name it (« TZCLD — coopération territoriale »); the title when the manifest has none. */
  shortTitle: string;
  kind: ReferentialManifest['kind'];
  description?: string;
  /**
   * The package name of a code plugin, or the JSON manifest's path for an administrator and only
   * its file name for others: the server's folders are not theirs to know.
   */
  origin: string;
  templates: { id: string; title: string }[];
}

export type ReferentialProblem = RegistryProblem;

const referentialIdSchema = z.string({ error: 'Identifiant de référentiel manquant.' }).min(1, { error: 'Identifiant de référentiel manquant.' }).max(64, { error: 'Identifiant de référentiel invalide.' });

export const referentialsRouter = router({
  /** Enabled referentials, sorted by title. */
  list: userProcedure.query(({ ctx }): ReferentialSummary[] => {
    const { registry } = ctx.services.referentials;
    const shown = (origin: string) => (ctx.user.isAdmin || !isAbsolute(origin) ? origin : basename(origin));
    return registry
      .list()
      .map((manifest) => toSummary(manifest, shown(registry.origin(manifest.id) ?? '')))
      .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  }),

  /** The full validated manifest (defaults filled in), as `referential export` prints it. */
  get: userProcedure.input(z.object({ id: referentialIdSchema })).query(({ ctx, input }): ReferentialManifest => {
    const manifest = ctx.services.referentials.registry.get(input.id);
    if (!manifest) throw new TRPCError({ code: 'NOT_FOUND', message: `Référentiel introuvable : « ${input.id} ».` });
    return manifest;
  }),

  /** Disabled plugins and why, with their paths on the server: for the administrator only. */
  problems: userProcedure.query(({ ctx }): ReferentialProblem[] => {
    if (!ctx.user.isAdmin) throw new TRPCError({ code: 'FORBIDDEN', message: 'Réservé à l’administrateur de l’instance.' });
    return [...ctx.services.referentials.problems];
  }),
});

function toSummary(manifest: ReferentialManifest, origin: string): ReferentialSummary {
  return {
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    shortTitle: manifest.shortTitle ?? manifest.title,
    kind: manifest.kind,
    ...(manifest.description === undefined ? {} : { description: manifest.description }),
    origin,
    templates: manifest.templates.map((template) => ({ id: template.id, title: template.title })),
  };
}
