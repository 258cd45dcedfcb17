// Jest's own runner, but serial: jest runs each runner's files in a group of their own, one group
// after another, so the files of a project using this runner run one at a time with no other
// test file beside them (see `measured` in jest.config.js).
const TestRunner = require('jest-runner').default;

module.exports = class SerialRunner extends TestRunner {
  isSerial = true;
};
