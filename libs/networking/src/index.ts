export { checkAnswer, checkCall, checkRequest, contactVisible, sharedBetween, type StoredRequest } from './consent';
export { metPairs, pairKey, pairRound, roundAt, type Candidate } from './pairing';
