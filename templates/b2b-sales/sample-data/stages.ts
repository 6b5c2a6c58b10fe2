/** Where a deal stands in the pipeline. */
export type Stage = 'lead' | 'first_contact' | 'needs_analysis' | 'proposal' | 'contract' | 'won' | 'lost';

/** The stages of a deal still in play, in pipeline order. */
export const OPEN_STAGES: Stage[] = ['lead', 'first_contact', 'needs_analysis', 'proposal', 'contract'];

/** The probability each stage implies, as the studio's default stage weights. */
export const PROBABILITY: Record<Stage, number> = { lead: 10, first_contact: 20, needs_analysis: 40, proposal: 60, contract: 80, won: 100, lost: 0 };
