/** Largest JSON body accepted (bulk writes of up to 100,000 records fit). */
export const bodyLimit = 64 * 1024 * 1024;
