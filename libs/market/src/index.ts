export { initialBooth, decideBooth, evolveBooth, boothWaitMs, boothRoomName, BOOTH_AGGREGATE, type BoothState, type BoothCommand, type BoothPerson } from './booth';
export { livePlace, placesTouched, validateMarketPayload } from './live';
