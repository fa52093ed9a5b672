// Every exercise file, in notebook order. Importing a file registers its exercises.
// Add one line per new exercise file.
import './00-welcome';
import './01-search-retargetable';
import './02-relaxation';
import './03-search-vs-heuristics';
import './04-mesa-optimizers';
import './05-finding-the-target';
import './06-just-retarget-the-search';
import './07-two-architectures';
import './08-specialized-heuristics';
import './09-generalization';
import './10-editing';
import './11-value-painting';
import './12-interpretability-scenarios';
