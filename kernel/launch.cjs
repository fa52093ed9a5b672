require("tsx/cjs");
require("tslab/dist/main").main();
