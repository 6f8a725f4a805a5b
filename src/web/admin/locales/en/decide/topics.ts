// 居民议事 · topics (issue 17): the messages of this area's console pages, under decide.topics.
export default {};
