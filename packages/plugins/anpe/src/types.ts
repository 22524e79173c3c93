import type { ReferentialManifestInput } from '@canevas/core';

export type NodeInput = ReferentialManifestInput['nodes'][number];
export type ScaleInput = NonNullable<ReferentialManifestInput['scales']>[number];
export type ModalityInput = NonNullable<ReferentialManifestInput['modalities']>[number];
export type TemplateInput = NonNullable<ReferentialManifestInput['templates']>[number];
export type RuleInput = NonNullable<ReferentialManifestInput['rules']>[number];
