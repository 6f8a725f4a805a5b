// Every offline queue of the phone pages, so starting the sync starts them all.
import './visit-queue';
import './snap-queue';

export { startOfflineSync, syncAll } from './queue';
