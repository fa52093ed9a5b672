/**
 * The coverage ledger: every distinct point of the post and of each comment and reply in the seed
 * text, in the seed's order, with how the lab treats it (a tested claim, a discussed section, out
 * of scope, or open). It spans all notebooks, so it lives beside `lessons/index.ts` rather than in
 * one lesson; notebook 13 (the cruxes) shows it, `retarget-lab claims --coverage` prints it, and
 * `lessons/coverage.test.ts` checks every claim id and section heading against the checkout.
 *
 * Speakers are as the seed gives them: "the post", or "a commenter" in a named thread. The seed
 * carries no names and does not label replies, so replies are "a commenter" too, even where a
 * reply speaks for the post.
 */
import { defineCoverage, type CoverageEntry, type SectionRef } from '../lib/claims/coverage';

const nb01 = '01-search-as-retargetable-process';
const nb13 = '13-the-cruxes';
const s = (notebook: string, heading: string): SectionRef => ({ notebook, heading });
const framing = (heading: string) => s(nb01, heading);
const crux = (heading: string) => s(nb13, heading);
const competition = (heading: string) => s('09-generalization-vs-specialization', heading);
const painting = (heading: string) => s('11-value-painting', heading);

const POST = 'the post';
const SCHEMES = 'complicated schemes vs retargeting';
const MESA = 'why no mesa-optimizers?';
const SEARCH = 'what "search" means: A* and relaxation';
const ARCH = 'two architectures and the outermost call';
const HUMAN = 'retargeting an adult human';
const CHESS = 'Stockfish and specialised heuristics';
const GENERAL = 'generalization and competition';
const DETECT = 'detect, then retrain';
const MBRL = 'model-based RL and value painting';
const ROME = 'ROME: editing facts vs editing a search';
const SCEN = 'interpretability scenarios';

const entries: CoverageEntry[] = [
  // ---- the post --------------------------------------------------------------------------------
  { id: 'post-edit-gps', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('The later post'),
    paraphrase: 'An added note: readers were confused, and a later post on general-purpose search (what it is, why training might produce it) explains; read it first.' },
  { id: 'post-pattern', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('The pattern the post starts from'),
    paraphrase: 'Prosaic proposals say "assume great interpretability" and go back to a complicated scheme; the post credits Evan (as it names him) for noticing the pattern.',
    quote: 'assume we have great interpretability tools, this whole thing just works way better the better the interpretability tools are' },
  { id: 'post-thesis', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('The pattern the post starts from'),
    paraphrase: 'With great interpretability tools we could align an AI directly and skip the complicated schemes: "Just Retarget the Search".' },
  { id: 'post-assumption-natural-abstractions', speaker: 'the post', thread: POST, treatment: 'tested', section: crux('6 · Natural abstractions: is there a target to write?'),
    paraphrase: 'First assumption: trained systems learn concepts close to ours (natural abstractions), so our alignment target exists in the AI\'s internal language.',
    claims: ['13-shared-concept', '05-target-located', '11-concept-extrapolation'],
    note: 'The seed names the assumption ("natural abstractions and retargetable search") but not its text. 13-shared-concept compares the lab\'s cheese-maze agents (the two learned recurrent agents by default; planners across seeds and training signals, whose value layer agrees by construction; a policy network) on a concept no local window of the input gives, "closer to the cheese in maze steps than the maze\'s median cell", judged in both directions against the input itself over a window of the concept\'s reach mapped linearly; "within a few maze steps" (local) and "the cheese is here" (an input channel) are kept to show what a local input baseline already reads.' },
  { id: 'post-assumption-retargetable-search', speaker: 'the post', thread: POST, treatment: 'tested', section: crux('1 · Is there a retargetable search to find?'),
    paraphrase: 'Second assumption: the mesa-optimization argument holds and training produces a general-purpose, retargetable internal search.',
    quote: 'the system ends up developing a general-purpose (i.e. retargetable) internal search process',
    claims: ['04-training-produces-search', '04-learned-inner-misgeneralization', '04-goal-misgeneralization', '01-retargetable-search'],
    note: 'The learned recurrent agent (notebook 04) is the test: nothing in it is named planner or target. Notebook 01\'s searches are retargetable by construction and do not count as evidence.' },
  { id: 'post-recipe', speaker: 'the post', thread: POST, treatment: 'tested',
    claims: ['01-retargetable-search', '05-target-located', '05-learned-target-located', '06-learned-retargetable', '06-retarget-removes-misgeneralization', '06-policy-retargetable'],
    paraphrase: 'The recipe: identify the concept of the alignment target, identify the retargetable search, rewire the search onto the concept.',
    quote: 'Just retarget the search.',
    note: '01 shows the operation on a search built to take its goal; 05 locates a target; 06 rewrites it in a planner (built-in search) and in a policy network (none built in).' },
  { id: 'post-concept-language', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('Writing the target in the AI\'s concept language'),
    paraphrase: 'Finding the target is probably less like picking among found concepts and more like writing our target in the AI\'s internal concept language.' },
  { id: 'post-on-the-fly', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('Retargeting while the search is still forming'),
    paraphrase: 'We would probably need to retarget repeatedly during training, while the search is only partly formed, before a misaligned AI appears.',
    claims: ['11-value-painting-retargets'] },
  { id: 'post-expressible-targets', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('Which targets can be expressed?'),
    paraphrase: 'Empirical work must find which targets the AI can express; user intention or human mimicry more likely than human values; the author calls these details straightforward.',
    claims: ['10-search-editable-like-facts'] },
  { id: 'post-not-robust', speaker: 'the post', thread: POST, treatment: 'tested', section: framing('Not robust enough for a superintelligence'),
    claims: ['06-retarget-removes-misgeneralization'],
    paraphrase: 'Not robust enough for a superintelligence: we still must pick the right target (outer alignment), ideally one that fails gracefully; a near miss is game over.',
    note: 'The claim\'s second half (rewritten onto the corner, the agent still fails) is the lab\'s picture of "the wrong target"; the basin of corrigibility is discussed only.' },
  { id: 'post-moderate-systems', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('Not robust enough for a superintelligence'),
    paraphrase: 'As a substitute for complicated prosaic schemes that is probably fine, since those mostly target only moderately intelligent systems.' },
  { id: 'post-ontology-shifts', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('Not robust enough for a superintelligence'),
    paraphrase: 'The AI must be competent enough to handle ontology shifts, or the target may fall apart.',
    claims: ['11-concept-extrapolation'] },
  { id: 'post-assumptions-fail', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('If the assumptions fail'),
    paraphrase: 'Either assumption could fail; then prosaic schemes probably fail too (no natural abstractions can sink interpretability), or the system may not be that dangerous.' },
  { id: 'post-eliminates-inner', speaker: 'the post', thread: POST, treatment: 'tested', claims: ['06-retarget-removes-inner-misalignment'],
    paraphrase: 'First upside: it completely eliminates the inner alignment problem, since we set the internal optimization target directly.',
    note: 'Tested on the learned corner agent (trained on the correct labels, the cheese always in the top-right square: inner misalignment). The planner claim 06-retarget-removes-misgeneralization is not evidence here: its agent was trained on the corner reward, so its misalignment is outer, and its target map is retargetable by construction. The claim\'s positive control (agent = planted-proxy, a hand-set searcher with the corner wired into its goal slot beside the cheese) is misaligned and retargetable by construction: it shows which edit and which cleared value can say supported, and is never evidence that training produces a goal slot. On the corner agent nothing narrow is located, so the claim\'s premise fails there and the run is not a test of it.' },
  { id: 'post-simple', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('Simple, a true reduction, a baseline'),
    paraphrase: 'Second upside: conceptually simple, failure modes obvious, no recursion, no two mysterious black boxes played against each other.' },
  { id: 'post-true-reduction', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('Simple, a true reduction, a baseline'),
    paraphrase: 'Main reason: a true reduction; unlike shell games that move the Hard Part around, it removes inner alignment and leaves outer alignment.' },
  { id: 'post-baseline', speaker: 'the post', thread: POST, treatment: 'discussed', section: framing('Simple, a true reduction, a baseline'),
    paraphrase: 'So it is a good baseline for thinking about what it does not solve (outer alignment) and how it might fail (its assumptions).' },

  // ---- complicated schemes vs retargeting ------------------------------------------------------
  { id: 'c-schemes-baseline', speaker: 'a commenter', thread: SCHEMES, treatment: 'discussed', section: framing('Simple, a true reduction, a baseline'),
    paraphrase: 'Agrees retargeting is an interesting baseline to consider, but prefers the complicated schemes, for two reasons.' },
  { id: 'c-schemes-no-mesa-assumption', speaker: 'a commenter', thread: SCHEMES, replyTo: 'c-schemes-baseline', treatment: 'discussed', section: crux('1 · Is there a retargetable search to find?'),
    paraphrase: 'Reason 1: the schemes do not rely on the mesa-optimizer assumption of a retargetable search, which is probably false in the systems we care about.',
    claims: ['06-policy-retargetable', '04-goal-misgeneralization'] },
  { id: 'c-schemes-degrade-gracefully', speaker: 'a commenter', thread: SCHEMES, replyTo: 'c-schemes-baseline', treatment: 'tested', claims: ['12-degrades-gracefully'],
    section: s('12-interpretability-scenarios', '4 · Degrading gracefully: three questions for a noisy tool'),
    paraphrase: 'Reason 2: the schemes degrade gracefully with weaker interpretability (a debater can still flag a suspicious neuron); retargeting cannot use weak interpretability at all.',
    quote: 'They degrade gracefully with worse interpretability tools' },
  { id: 'c-schemes-cruxes', speaker: 'a commenter', thread: SCHEMES, replyTo: 'c-schemes-baseline', treatment: 'discussed', section: crux('1 · Is there a retargetable search to find?'),
    paraphrase: 'A reply agrees that those two are the relevant cruxes.', quote: 'I indeed think those are the relevant cruxes.' },

  // ---- why no mesa-optimizers? -----------------------------------------------------------------
  { id: 'c-mesa-why-not', speaker: 'a commenter', thread: MESA, replyTo: 'c-schemes-no-mesa-assumption', treatment: 'discussed', section: crux('The exchange: why no mesa-optimizers?'),
    paraphrase: 'Asks why we would not get mesa-optimizers in the systems we care about, and which systems (generative models, RL agents) are meant.',
    quote: 'Why do you think we probably won\'t end up with mesa-optimizers in the systems we care about?' },
  { id: 'c-mesa-low-prior', speaker: 'a commenter', thread: MESA, replyTo: 'c-mesa-why-not', treatment: 'discussed', section: crux('The exchange: why no mesa-optimizers?'),
    paraphrase: 'Answer 1: retargetable search is a very specific claim about how intelligence works, so it gets a low prior, and the arguments for it are weak.' },
  { id: 'c-mesa-plan-generation', speaker: 'a commenter', thread: MESA, replyTo: 'c-mesa-why-not', treatment: 'tested',
    claims: ['03-search-inefficient', '03-plan-generation'], section: s('03-search-vs-heuristics', '6 · The claims'),
    paraphrase: 'Answer 2: search is inefficient next to heuristics under a compute budget; a model weighs 10 or 10^6 plans, and the action is in which plans get generated.',
    quote: 'most of the action is in which plans were generated in the first place' },
  { id: 'c-mesa-foundation-models', speaker: 'a commenter', thread: MESA, replyTo: 'c-mesa-why-not', treatment: 'discussed', section: crux('The exchange: why no mesa-optimizers?'),
    paraphrase: 'Does not distinguish generative models from RL agents here; tends to think of foundation models fine-tuned from human feedback.' },

  // ---- what "search" means ---------------------------------------------------------------------
  { id: 'c-search-not-brute-force', speaker: 'a commenter', thread: SEARCH, replyTo: 'c-mesa-plan-generation', treatment: 'tested',
    claims: ['03-search-inefficient', '03-exp-to-pseudolinear'],
    paraphrase: 'Search does not mean brute force: A* is heuristic search, and relaxation generates its heuristics; so heuristics are not a different thing from search.',
    quote: 'What exactly do you imagine that the word "search" refers to?' },
  { id: 'c-search-meant-astar', speaker: 'a commenter', thread: SEARCH, replyTo: 'c-search-not-brute-force', treatment: 'tested', claims: ['03-plan-generation'],
    paraphrase: 'The critic knows A*: "considers 10 plans" was meant to cover it and other goal-directed algorithms; what matters is still which plans get generated.' },
  { id: 'c-search-astar-goal-specific', speaker: 'a commenter', thread: SEARCH, replyTo: 'c-search-meant-astar', treatment: 'tested',
    claims: ['02-relaxation-goal-agnostic', '02-pdb-goal-specific', '07-builtin-goal-agent'],
    paraphrase: 'If the AGI runs A*, retargeting must change the goal and the heuristic, and A* heuristics are specific to the setting and the goal.',
    quote: 'A* heuristics are incredibly specific to the setting and goal' },
  { id: 'c-search-relaxation', speaker: 'a commenter', thread: SEARCH, replyTo: 'c-search-astar-goal-specific', treatment: 'tested',
    claims: ['02-relaxation-goal-agnostic', '02-relaxation-admissible'],
    paraphrase: 'Relaxation generates heuristics automatically (drop the walls: straight-line distance), and they depend on the environment, not on the goal.' },
  { id: 'c-search-env-heuristics', speaker: 'a commenter', thread: SEARCH, replyTo: 'c-search-astar-goal-specific', treatment: 'discussed',
    section: s('03-search-vs-heuristics', '5 · Structure that is not about the goal: jump point search'),
    paraphrase: 'Instrumentally convergent subgoals and natural abstractions can be seen as environment-specific, goal-agnostic heuristics.',
    claims: ['02-relaxation-goal-agnostic'] },
  { id: 'c-search-general-purpose', speaker: 'a commenter', thread: SEARCH, replyTo: 'c-search-astar-goal-specific', treatment: 'tested', claims: ['02-relaxation-goal-agnostic'],
    section: s('02-heuristics-from-relaxation', '8 · Move the goal'),
    paraphrase: 'General-purpose search in trained systems = general methods for generating heuristics for many goals, plus hard-coded environment-specific heuristics.' },
  { id: 'c-search-note-other-post', speaker: 'a commenter', thread: SEARCH, treatment: 'out of scope',
    paraphrase: 'A note to readers points to another post, with comments, on the same topic.',
    reason: 'A pointer to another discussion, not a point of its own; its content is not in the seed.' },

  // ---- two architectures and the outermost call ------------------------------------------------
  { id: 'c-arch-two-kinds', speaker: 'a commenter', thread: ARCH, treatment: 'discussed', section: s('07-two-architectures', '07 · Two architectures, and the outermost call'),
    paraphrase: 'Two pictures: (1) an AI that calls an A* subroutine on problems it formulates; (2) an AI that is one A* over a learned state space with a built-in goal.' },
  { id: 'c-arch-1-work-elsewhere', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-two-kinds', treatment: 'tested', claims: ['07-outermost-call'],
    section: s('07-two-architectures', '3 · Retargeting, four ways'),
    paraphrase: 'In (1) the alignment work is in the part that formulates subgoals and heuristics; excising the subroutine leaves you tuning heuristics by hand.' },
  { id: 'c-arch-2-goal-specific', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-two-kinds', treatment: 'tested', claims: ['07-builtin-goal-agent'],
    paraphrase: 'In (2) a search that only ever serves one goal would be packed by gradient descent with goal-specific heuristics, not stay general.',
    quote: 'why wouldn\'t gradient descent embed a bunch of goal-specific heuristics that improve efficiency?' },
  { id: 'c-arch-roughly-1', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-two-kinds', treatment: 'discussed', section: s('07-two-architectures', '07 · Two architectures, and the outermost call'),
    paraphrase: 'A reply has roughly (1) in mind: not literally A*, heuristics generated inside or from a general library, subgoal formulation done by the search recursively.' },
  { id: 'c-arch-outer-alignment-left', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-1-work-elsewhere', treatment: 'discussed', section: crux('8 · What retargeting solves, and what it leaves'),
    paraphrase: 'Agreed: the major alignment work is in the problem specification; outer alignment stays hard, inner alignment is removed (the post\'s conclusion).',
    claims: ['06-retarget-removes-misgeneralization', '06-retarget-removes-inner-misalignment'] },
  { id: 'c-arch-1-not-mesa', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-roughly-1', treatment: 'discussed', section: crux('4 · Which architecture, and which call?'),
    paraphrase: 'The commenter had meant (2); a system like (1) is not a mesa-optimizer in the usual sense (what would its mesa-objective be?).' },
  { id: 'c-arch-chop-off', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-roughly-1', treatment: 'discussed', section: crux('4 · Which architecture, and which call?'),
    paraphrase: 'In (1), something decides how to retarget the search on the fly; is the proposal to chop it off and hardcode "human values" in its place?',
    claims: ['07-outermost-call'] },
  { id: 'c-arch-why-not-hardcode-reward', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-roughly-1', treatment: 'tested', section: crux('1 · Is there a retargetable search to find?'),
    paraphrase: 'If hardcoding a target does not hamstring the AI, why did gradient descent not already hardcode "reward" there?',
    claims: ['06-goal-diversity'],
    note: 'The same learned network trained on one fixed goal, on a narrow region, and on goals anywhere: is a locatable, retargetable target there only with goal diversity?' },
  { id: 'c-arch-outermost-call', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-chop-off', treatment: 'tested', claims: ['07-outermost-call'],
    paraphrase: 'Retarget only the outermost call; the search keeps calling itself on subproblems while solving our problem.',
    quote: 'What we actually want to retarget is not every instance of the search process, but just the "outermost call"' },
  { id: 'c-arch-plausible-concepts', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-outermost-call', treatment: 'discussed', section: crux('6 · Natural abstractions: is there a target to write?'),
    paraphrase: 'A plausible architecture with no strong reason for retargeting to fail, though it is unclear where concepts live in it, which could cause problems.' },
  { id: 'c-arch-domain-tuned', speaker: 'a commenter', thread: ARCH, replyTo: 'c-arch-outermost-call', treatment: 'discussed', section: crux('4 · Which architecture, and which call?'),
    paraphrase: 'Still expects systems tuned to their training domains with search playing a cursory role; recursion was what the first objection missed.' },

  // ---- retargeting an adult human --------------------------------------------------------------
  { id: 'c-human-no', speaker: 'a commenter', thread: HUMAN, replyTo: 'c-arch-two-kinds', treatment: 'discussed', section: competition('5 · Humans are retargetable: a list of varied jobs'),
    paraphrase: 'Could we retarget an adult human given interpretability and edit access to the brain? The commenter expects not.' },
  { id: 'c-human-yes-jobs', speaker: 'a commenter', thread: HUMAN, replyTo: 'c-human-no', treatment: 'discussed', section: competition('5 · Humans are retargetable: a list of varied jobs'),
    paraphrase: 'Basically yes, though the result would not be very human: people take on arbitrary new tasks all the time (a colleague\'s list of very different jobs).',
    claims: ['09-competitiveness-tax'] },
  { id: 'c-human-cache', speaker: 'a commenter', thread: HUMAN, replyTo: 'c-human-no', treatment: 'discussed', section: competition('6 · Mostly cached behaviour versus search'),
    paraphrase: 'Most people mostly run on cache and rarely use their search; a human hardwired to one target would single-mindedly pursue it.',
    quote: 'most people mostly just operate out of cache',
    claims: ['09-cache-plus-search'],
    note: 'A description of people, not an efficiency claim; 09-cache-plus-search is the lab\'s own extension of it.' },

  // ---- Stockfish and specialised heuristics ----------------------------------------------------
  { id: 'c-chess-stockfish', speaker: 'a commenter', thread: CHESS, treatment: 'tested', claims: ['08-retargeted-engine-loses-heuristics'],
    paraphrase: 'The best optimizers for a fixed budget cannot be retargetable: Stockfish\'s heuristics only work for winning, and for a pawn goal the endgame table is useless.',
    quote: 'the entire endgame table is useless for you' },
  { id: 'c-chess-parallel-learning', speaker: 'a commenter', thread: CHESS, replyTo: 'c-chess-stockfish', treatment: 'tested', claims: ['08-parallel-learning'],
    paraphrase: 'Something like strategy stealing is needed for equally good heuristics to exist for the new goal, and finding them needs an entire parallel learning process.',
    note: 'The lab measures the parallel learning; the strategy-stealing premise is discussed in notebook 13.' },
  { id: 'c-chess-consequences', speaker: 'a commenter', thread: CHESS, replyTo: 'c-chess-stockfish', treatment: 'discussed', section: competition('Knowing a concept is not predicting its consequences'),
    paraphrase: 'Having "human values" as a concept is not enough: estimating long-run consequences on it takes work, or the AI loses to more specialised ones.' },
  { id: 'c-detect-buys-a-lot', speaker: 'a commenter', thread: DETECT, replyTo: 'c-chess-stockfish', treatment: 'tested', claims: ['12-retrain-vs-retarget'],
    section: s('12-interpretability-scenarios', '3 · A bad target detected: retrain or retarget?'),
    paraphrase: 'Even if retargeting fails, detecting the search and reading off its target buys a lot: restart training, steering it toward the target we want.' },
  { id: 'c-detect-iterate-early', speaker: 'a commenter', thread: DETECT, replyTo: 'c-detect-buys-a-lot', treatment: 'discussed', section: crux('7 · Weaker interpretability: retarget, or detect and retrain?'),
    paraphrase: 'Retraining need not go to the end: the target may stabilise early, so we could iterate on it and verify before deploying.',
    claims: ['12-retrain-vs-retarget'] },

  // ---- generalization and competition ----------------------------------------------------------
  { id: 'c-gen-best-optimizers', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-chess-stockfish', treatment: 'discussed', section: competition('Are the AIs we train the best optimizers for their budget?'),
    paraphrase: 'Asks whether the AIs we train will really be the best possible optimizers for their compute budget.' },
  { id: 'c-gen-spectrum', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-best-optimizers', treatment: 'tested', claims: ['09-competitiveness-tax'],
    paraphrase: 'Not the best, but retargetable algorithms sit at the fully general end, and most tasks have heuristics that solve them much faster, so pressure is toward specialisation.',
    note: 'The lab\'s test prices exact per-task tables amortised over repeats, a stand-in for the structure-exploiting heuristics meant.' },
  { id: 'c-gen-multiplicative', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-best-optimizers', treatment: 'tested', claims: ['03-exp-to-pseudolinear'],
    section: s('03-search-vs-heuristics', '1 · Generate-and-test, in its purest form'),
    paraphrase: 'Heuristics are multiplicative speedups, not additive: random sort vs quicksort, from exponential to pseudolinear.',
    quote: 'you can go from exp -> pseudolinear if you are specialized to your domain' },
  { id: 'c-gen-agi-generalizes', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-spectrum', treatment: 'discussed', section: competition('Generalization is what makes an AGI'),
    paraphrase: 'Big networks on diverse data find general techniques; the AIs we care about are close to the fully general end, or they would not be AGI.' },
  { id: 'c-gen-humans-uneven', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-agi-generalizes', treatment: 'discussed', section: competition('Humans are general but uneven'),
    paraphrase: 'Humans are fully general yet far better at some tasks than others, and find some goals (iron cubes) much harder to pursue than others (status).' },
  { id: 'c-gen-artifacts', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-agi-generalizes', treatment: 'discussed', section: competition('Building artifacts, and a recursive alignment problem'),
    paraphrase: 'Humans build technology and artifacts to do tasks for them; general AIs will likewise build specialised artifacts rather than think everything through.' },
  { id: 'c-gen-recursive-alignment', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-artifacts', treatment: 'discussed', section: competition('Building artifacts, and a recursive alignment problem'),
    paraphrase: 'A recursive alignment problem: an AI pursuing human values can easily build optimizers for measurable rewards, but not for what cannot be measured.' },
  { id: 'c-gen-huge-ask', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-agi-generalizes', treatment: 'discussed', section: competition('Humans are general but uneven'),
    paraphrase: 'Asking a retargeted AI to optimize human values as well as its best combination of trained skills is a huge ask.' },
  { id: 'c-gen-hypercompetitive', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-huge-ask', treatment: 'discussed', section: competition('How much competition?'),
    paraphrase: 'Nobody asked for equal skill; the worry assumes a hypercompetitive takeoff where retargeted AIs lose to unmodified ones.' },
  { id: 'c-gen-little-competition', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-hypercompetitive', treatment: 'discussed', section: competition('How much competition?'),
    paraphrase: 'Expects little competition: with the tools we could retarget all relevant AIs, and they would pursue human values inefficiently but well enough.' },
  { id: 'c-gen-svm-sgd', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-hypercompetitive', treatment: 'discussed', section: competition('How much competition?'),
    paraphrase: 'Competitiveness matters even under moderate pressure: the gap imagined is not 10x but like having only SVMs against SGD.',
    quote: 'I only had support vector machines and you had SGD', claims: ['09-competitiveness-tax'] },
  { id: 'c-gen-specialists-not-agi', speaker: 'a commenter', thread: GENERAL, replyTo: 'c-gen-spectrum', treatment: 'discussed', section: competition('Generalization is what makes an AGI'),
    paraphrase: 'Buys the pressure toward specialisation, but specialised AIs won\'t be AGIs, and AGIs carry most of the x-risk.',
    quote: 'The catch is that those specialized AIs won\'t be AGIs, for obvious reasons' },

  // ---- model-based RL and value painting -------------------------------------------------------
  { id: 'c-mbrl-built-search', speaker: 'a commenter', thread: MBRL, treatment: 'tested', claims: ['11-value-painting-retargets'],
    section: painting('2 · Painting value'),
    paraphrase: 'The plan also works when programmers build the search (brain-like AGI, model-based RL): paint value on things in the world model.' },
  { id: 'c-mbrl-thought-assessors', speaker: 'a commenter', thread: MBRL, replyTo: 'c-mbrl-built-search', treatment: 'discussed', section: painting('Value functions as interpretability'),
    paraphrase: 'A multi-dimensional value function ("Thought Assessors") can itself be read as a simple approach to interpretability.' },
  { id: 'c-mbrl-what-value', speaker: 'a commenter', thread: MBRL, replyTo: 'c-mbrl-built-search', treatment: 'discussed', section: painting('What value, on which concept?'),
    paraphrase: 'Open problem: what value exactly to paint on exactly which concepts.' },
  { id: 'c-mbrl-extrapolation', speaker: 'a commenter', thread: MBRL, replyTo: 'c-mbrl-built-search', treatment: 'tested', claims: ['11-concept-extrapolation'],
    paraphrase: 'Open problem: concept extrapolation when concepts hit edge cases, as the AGI learns or plans innovative, out-of-distribution actions.',
    quote: 'dealing with concept extrapolation when concepts hit edge-cases' },
  { id: 'c-mbrl-infant', speaker: 'a commenter', thread: MBRL, replyTo: 'c-mbrl-built-search', treatment: 'tested', claims: ['11-value-painting-retargets'],
    section: painting('3 · The infant phase'),
    paraphrase: 'Open problem: getting safely through the "infant AGI" period before the wanted concepts are learned (maybe with a sandbox).' },
  { id: 'c-mbrl-first-person', speaker: 'a commenter', thread: MBRL, replyTo: 'c-mbrl-built-search', treatment: 'discussed', section: painting('First-person interpretability'),
    paraphrase: 'Open problem: making interpretability work, including the first-person problem (the AI\'s own intentions are not revealed by showing it inputs).' },

  // ---- ROME ------------------------------------------------------------------------------------
  { id: 'c-rome-learn', speaker: 'a commenter', thread: ROME, treatment: 'tested', claims: ['10-rome-edits-facts', '10-localization-informs-editing'],
    paraphrase: 'What can ROME (locate a fact by causal tracing, edit it) teach us, and could causal tracing find the parts that drive the search?',
    note: 'Hase et al. 2023 ask whether the place causal tracing picks is where editing works best; 10-localization-informs-editing measures that on the lab\'s fact model.' },
  { id: 'c-rome-experiments-now', speaker: 'a commenter', thread: ROME, replyTo: 'c-rome-learn', treatment: 'discussed', section: s('10-editing-facts-vs-search', '5 · The same edit on an agent\'s target'),
    paraphrase: 'How would we retarget in practice, and what experiments can we run now on smaller models?' },
  { id: 'c-rome-search-editable', speaker: 'a commenter', thread: ROME, replyTo: 'c-rome-learn', treatment: 'tested', claims: ['10-search-editable-like-facts'],
    paraphrase: 'Is search editable like facts, by changing the model a little, or is that impossible for retargeting search?',
    quote: 'Is Search at all "editable" like facts' },
  { id: 'c-rome-abstract-edits', speaker: 'a commenter', thread: ROME, replyTo: 'c-rome-learn', treatment: 'discussed', section: s('10-editing-facts-vs-search', 'A database of edits, or an edit of something abstract?'),
    paraphrase: 'Is a massive database of fact edits the best we can do, or could we edit more abstract things that point at what we want?' },

  // ---- interpretability scenarios --------------------------------------------------------------
  { id: 'c-scen-scenario-2', speaker: 'a commenter', thread: SCEN, treatment: 'tested', claims: ['12-detects-trained-search'], section: s('12-interpretability-scenarios', '2 · Detecting a search and reading off its target'),
    paraphrase: 'Agrees it is promising and points to a scenario of reliable mesa-optimizer detection and precise goal read-offs in an earlier analysis of interpretability scenarios.' },
  { id: 'c-scen-inner-solved-outer-open', speaker: 'a commenter', thread: SCEN, replyTo: 'c-scen-scenario-2', treatment: 'discussed', section: crux('8 · What retargeting solves, and what it leaves'),
    paraphrase: 'Such interpretability essentially solves inner alignment and leaves outer alignment a big question mark.',
    claims: ['06-retarget-removes-misgeneralization'] },
  { id: 'c-scen-techniques', speaker: 'a commenter', thread: SCEN, replyTo: 'c-scen-scenario-2', treatment: 'out of scope',
    paraphrase: 'Lists its expected impact on a dozen outer-alignment techniques (adversarial training, amplification, debate, market making, STEM AI, ...).',
    reason: 'The lab implements none of these schemes; judging each one needs the scheme itself, and the analysis is in the linked post, not in the seed.' },
  { id: 'c-scen-hot-model', speaker: 'a commenter', thread: SCEN, replyTo: 'c-scen-scenario-2', treatment: 'tested', claims: ['12-retrain-vs-retarget'],
    paraphrase: 'Detection and read-off may not grant retargeting a running model; it may look more like restarting training, clunkier but still worth a lot.' },
  { id: 'c-scen-other-uses', speaker: 'a commenter', thread: SCEN, replyTo: 'c-scen-techniques', treatment: 'out of scope',
    paraphrase: 'In some techniques interpretability is better used otherwise, e.g. checking that distillation in imitative amplification introduces no mesa-optimizer.',
    reason: 'About how amplification schemes would use interpretability; the lab has no amplification or distillation pipeline to test it on.' },
];

for (const e of entries) defineCoverage(e);
