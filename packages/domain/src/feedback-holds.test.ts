import { describe, expect, it } from 'vitest';
import { FeedbackCategory, FeedbackKind } from './enums.js';
import { holdForFeedback } from './feedback-holds.js';

describe('holdForFeedback', () => {
  it('holds a case on a complaint about conduct the rules forbid', () => {
    for (const category of [
      FeedbackCategory.THREAT,
      FeedbackCategory.HARASSMENT,
      FeedbackCategory.CONTACT_AT_NIGHT,
      FeedbackCategory.PRIVACY_LEAK,
      FeedbackCategory.THIRD_PARTY_CONTACT,
    ]) {
      expect(holdForFeedback(FeedbackKind.COMPLAINT, category)).toBe('COMPLAINT');
    }
  });

  it('does not hold on a complaint about service or the amount', () => {
    expect(holdForFeedback(FeedbackKind.COMPLAINT, FeedbackCategory.SERVICE)).toBeNull();
    expect(holdForFeedback(FeedbackKind.COMPLAINT, FeedbackCategory.WRONG_AMOUNT)).toBeNull();
  });

  it('holds every dispute, and never a hardship request, suggestion or praise', () => {
    expect(holdForFeedback(FeedbackKind.DISPUTE, FeedbackCategory.WRONG_AMOUNT)).toBe('DISPUTE');
    expect(holdForFeedback(FeedbackKind.HARDSHIP, FeedbackCategory.OTHER)).toBeNull();
    expect(holdForFeedback(FeedbackKind.SUGGESTION, FeedbackCategory.THREAT)).toBeNull();
    expect(holdForFeedback(FeedbackKind.PRAISE, FeedbackCategory.SERVICE)).toBeNull();
  });
});
