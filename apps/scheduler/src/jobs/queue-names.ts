/** The queue names live in contracts, so the gateway's Bull Board shows the same queues. */
export { QueueName, QUEUE_NAMES } from '@glimmer/contracts/scheduler/queues';
