/**
 * The playground's workspaces: one per scenario template, stored like a lesson under the id
 * `playground/<template>` (drafts, share links and backups treat it as one).
 */

/** Template ids, in the order the playground offers them. */
export const TEMPLATE_IDS = ['one-chain', 'two-chains', 'lending'] as const;

export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** The storage id of a template's workspace, e.g. `playground/one-chain`. */
export const workspaceId = (template: TemplateId): string => `playground/${template}`;

/** Every playground workspace id (for backup validation). */
export const WORKSPACE_IDS: readonly string[] = TEMPLATE_IDS.map(workspaceId);
