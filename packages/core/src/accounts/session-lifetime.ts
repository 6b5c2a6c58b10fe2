/**
 * How long a studio session lives: 12 hours after its last use (sliding), 7 days at most from
 * sign-in. The last use is written at most once a minute, not on every request.
 */
export const sessionLifetime = { idleSeconds: 12 * 3600, absoluteSeconds: 7 * 24 * 3600, touchEverySeconds: 60 } as const;
