import type { CreditBalance, FakeOptions } from './types';

/** What one call took from each bucket, so a refund puts credits back where they came from. */
export interface Charge {
	apiKey: string;
	credits: number;
	extra: number;
}

/** Balances per API key; a key gets the configured starting balance the first time it is seen. */
export class CreditLedger {
	private readonly balances = new Map<string, { credits: number; extra: number }>();

	constructor(private readonly options: FakeOptions) {}

	balance(apiKey: string): CreditBalance {
		const account = this.account(apiKey);
		return { credits: account.credits, extra_credits: account.extra };
	}

	set(apiKey: string, credits: number, extra: number): void {
		this.balances.set(apiKey, { credits, extra });
	}

	/** Takes `amount`, extra credits first (docs FAQ); null when the balance cannot cover it (nothing taken). */
	charge(apiKey: string, amount: number): Charge | null {
		const account = this.account(apiKey);
		if (amount <= 0) return { apiKey, credits: 0, extra: 0 };
		if (account.credits + account.extra < amount) return null;
		const extra = Math.min(account.extra, amount);
		const credits = amount - extra;
		account.extra -= extra;
		account.credits -= credits;
		return { apiKey, credits, extra };
	}

	refund(charge: Charge): void {
		const account = this.account(charge.apiKey);
		account.credits += charge.credits;
		account.extra += charge.extra;
	}

	clear(): void {
		this.balances.clear();
	}

	private account(apiKey: string): { credits: number; extra: number } {
		let account = this.balances.get(apiKey);
		if (!account) {
			account = { credits: this.options.credits, extra: this.options.extraCredits };
			this.balances.set(apiKey, account);
		}
		return account;
	}
}
