/**
 * The queue board's HTTP contract between the gateway and the scheduler. The scheduler serves
 * Bull Board over its own queues at QUEUE_BOARD_PATH on its internal health port, and answers
 * only requests carrying the shared QUEUE_BOARD_SECRET in QUEUE_BOARD_SECRET_HEADER. The
 * gateway authenticates the ops user and proxies the same path there with that header.
 */
export const QUEUE_BOARD_PATH = '/ops/queues';

export const QUEUE_BOARD_SECRET_HEADER = 'x-glimmer-queue-board';

/**
 * Development-only fallback of QUEUE_BOARD_SECRET, the same in both services so a local system
 * works without setting it; production refuses it (and requires a secret of its own).
 */
export const DEV_QUEUE_BOARD_SECRET = 'glimmer-development-queue-board-secret-not-for-production';
