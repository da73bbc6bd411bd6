// file: MyVote.ts
import { Contract } from 'chainlab';

/** How you vote on Cleo's claim: which side, and when. */
export type Plan = {
	/** true: the loss is covered, pay the claim; false: deny it */
	accept: boolean;
	/** when you send your vote, in hours after the claim was submitted (0 to 120) */
	hour: number;
};

/**
 * You are an assessor with 1,500 NXM staked. The run reads plan() and sends
 * castVote(0, plan.accept) from your own account at plan.hour; null means you do not vote.
 */
export default class MyVote extends Contract {
	plan(): Plan | null {
		// the exploit report shows the funds left through a bridge the cover excludes: deny, in the
		// poll's last day, when a late vote moves the end
		return { accept: false, hour: 100 };
	}
}
