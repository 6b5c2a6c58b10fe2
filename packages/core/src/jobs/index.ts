/** Jobs: the PostgreSQL-backed queue of background work (imports now; recomputes, workflows and syncs later). */
export { JobQueue, LeaseLost, type Job } from './job-queue.js';
export { JobWorker, WorkerStopping, type JobHandler, type Lease, type WorkerOptions } from './job-worker.js';
