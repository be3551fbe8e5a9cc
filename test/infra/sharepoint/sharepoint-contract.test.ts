import { runStoreContract } from '../../store-contract/store-contract';
import { sharePointFactory } from './sharepoint-harness';

// Every contract test runs: the SharePoint store declares no skip.
runStoreContract('sharepoint (Graph lists through the real SDK client)', sharePointFactory);
