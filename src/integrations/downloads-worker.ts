// Worker thread of the downloads integration: makes the zips of the months it is given.
import { makeMonths } from './downloads-months.ts';
import { answer } from './worker.ts';

answer(makeMonths);
