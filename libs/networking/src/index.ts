export { checkAnswer, checkRequest, contactVisible, type StoredRequest } from './consent';
