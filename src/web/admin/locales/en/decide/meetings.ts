// 居民议事 · meetings (issue 17): the messages of this area's console pages, under decide.meetings.
export default {};
