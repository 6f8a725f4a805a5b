// 居民议事 · honours (issue 17): the messages of this area's console pages, under decide.honours.
export default {};
