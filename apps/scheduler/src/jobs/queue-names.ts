/** The queue names live in contracts, so the ops CLI and the RPC contracts name the same queues. */
export { QueueName, QUEUE_NAMES } from '@glimmer/contracts/scheduler/queues';
